import { defineCenter, holds } from '../center.js';
import { en, zhCN } from './messages.js';

/**
 * The community: the feed (posts, writing with a file, flags, my standing), the needs board
 * (learning needs with bounty points, offers, accepting one) and moderation (the review queue,
 * decisions, warnings and suspensions, the log, appeals).
 */
export default defineCenter({
  pluginId: 'community',
  namespace: 'community',
  messages: { en, 'zh-CN': zhCN },
  routes: [
    {
      path: '/community',
      name: 'community',
      component: () => import('./FeedPage.vue'),
      meta: { title: 'community.feed.title' },
    },
    {
      path: '/community/posts/:postId',
      name: 'community-post',
      component: () => import('./PostPage.vue'),
      meta: { title: 'community.post.title' },
    },
    {
      path: '/community/appeals/:appealId',
      name: 'community-appeal',
      component: () => import('./AppealPage.vue'),
      meta: { title: 'community.appeal.title' },
    },
    {
      path: '/community/needs',
      name: 'community-needs',
      component: () => import('./NeedsPage.vue'),
      meta: { title: 'community.needs.title' },
    },
    {
      path: '/community/needs/:needId',
      name: 'community-need',
      component: () => import('./NeedPage.vue'),
      meta: { title: 'community.need.title' },
    },
    {
      path: '/community/moderation',
      name: 'community-moderation',
      component: () => import('./ModerationPage.vue'),
      meta: { title: 'community.moderation.title' },
    },
  ],
  nav: [
    { to: '/community', label: 'community.nav.feed', card: 'community.cards.feed' },
    { to: '/community/needs', label: 'community.nav.needs', card: 'community.cards.needs' },
    {
      // Region admins moderate (`community.moderate`); people they appoint reach it from their standing.
      to: '/community/moderation',
      label: 'community.nav.moderation',
      card: 'community.cards.moderation',
      visible: (me) => holds(me, 'region-admin'),
    },
  ],
});

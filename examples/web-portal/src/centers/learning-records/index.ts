import { defineCenter } from '../center.js';
import { managesCredentials } from './access.js';
import { en, zhCN } from './messages.js';

/**
 * Learning records (xAPI): my learning activity (the statements linked to me) and, for an
 * institution's issuer staff and region admins, the LRS credentials its learning apps use.
 */
export default defineCenter({
  pluginId: 'learning-records',
  namespace: 'learningRecords',
  messages: { en, 'zh-CN': zhCN },
  routes: [
    {
      path: '/learning-activity',
      name: 'learning-activity',
      component: () => import('./ActivityPage.vue'),
      meta: { title: 'learningRecords.activity.title' },
    },
    {
      path: '/learning-records/credentials',
      name: 'lrs-credentials',
      component: () => import('./LrsCredentialsPage.vue'),
      meta: { title: 'learningRecords.credentials.title' },
    },
  ],
  nav: [
    { to: '/learning-activity', label: 'learningRecords.nav.activity', card: 'learningRecords.cards.activity' },
    {
      to: '/learning-records/credentials',
      label: 'learningRecords.nav.credentials',
      card: 'learningRecords.cards.credentials',
      visible: managesCredentials,
    },
  ],
});

import { defineCenter } from '../center.js';
import { issuerRegions } from './access.js';
import { en, zhCN } from './messages.js';

/**
 * Verifiable credentials (Open Badges 3.0 / CLR 2.0): my credentials (issue one per credit-bank
 * record, download it, my CLR), verify any credential, and a region admin's issuer keys.
 */
export default defineCenter({
  pluginId: 'credentials',
  namespace: 'credentials',
  messages: { en, 'zh-CN': zhCN },
  routes: [
    {
      path: '/credentials',
      name: 'credentials',
      component: () => import('./MyCredentialsPage.vue'),
      meta: { title: 'credentials.mine.title' },
    },
    {
      path: '/credentials/verify',
      name: 'credentials-verify',
      component: () => import('./VerifyPage.vue'),
      meta: { title: 'credentials.verify.title' },
    },
    {
      path: '/credentials/issuer',
      name: 'credentials-issuer',
      component: () => import('./IssuerPage.vue'),
      meta: { title: 'credentials.issuer.title' },
    },
  ],
  nav: [
    { to: '/credentials', label: 'credentials.nav.mine', card: 'credentials.cards.mine' },
    { to: '/credentials/verify', label: 'credentials.nav.verify', card: 'credentials.cards.verify' },
    {
      to: '/credentials/issuer',
      label: 'credentials.nav.issuer',
      card: 'credentials.cards.issuer',
      visible: (me) => issuerRegions(me).length > 0,
    },
  ],
});

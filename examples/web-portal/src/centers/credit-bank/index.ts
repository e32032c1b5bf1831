import { defineCenter } from '../center.js';
import { en, zhCN } from './messages.js';

/** The credit bank: the lifelong transcript and the wallet. */
export default defineCenter({
  pluginId: 'credit-bank',
  namespace: 'creditBank',
  messages: { en, 'zh-CN': zhCN },
  routes: [
    {
      path: '/transcript',
      name: 'transcript',
      component: () => import('./TranscriptPage.vue'),
      meta: { title: 'creditBank.transcript.title' },
    },
    {
      path: '/wallet',
      name: 'wallet',
      component: () => import('./WalletPage.vue'),
      meta: { title: 'creditBank.wallet.title' },
    },
  ],
  nav: [
    { to: '/transcript', label: 'creditBank.nav.transcript', card: 'creditBank.cards.transcript' },
    { to: '/wallet', label: 'creditBank.nav.wallet', card: 'creditBank.cards.wallet' },
  ],
});

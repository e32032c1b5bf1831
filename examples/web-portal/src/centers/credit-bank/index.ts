import { defineCenter } from '../center.js';
import { reviewedInstitutions } from './access.js';
import { en, zhCN } from './messages.js';

/**
 * The credit bank: the transcript and the lifelong record, the wallet and the exchange, a guardian's
 * spending approvals (linked from the family page) and an institution's certificate review.
 */
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
      path: '/record',
      name: 'record',
      component: () => import('./RecordPage.vue'),
      meta: { title: 'creditBank.record.title' },
    },
    {
      path: '/wallet',
      name: 'wallet',
      component: () => import('./WalletPage.vue'),
      meta: { title: 'creditBank.wallet.title' },
    },
    {
      path: '/exchange',
      name: 'exchange',
      component: () => import('./ExchangePage.vue'),
      meta: { title: 'creditBank.exchange.title' },
    },
    {
      path: '/family/:learnerNumber/approvals',
      name: 'approvals',
      component: () => import('./ApprovalsPage.vue'),
      meta: { title: 'creditBank.nav.approvals' },
    },
    {
      path: '/certificates',
      name: 'certificates',
      component: () => import('./CertificatesPage.vue'),
      meta: { title: 'creditBank.certificates.title' },
    },
    {
      path: '/review',
      name: 'review',
      component: () => import('./ReviewPage.vue'),
      meta: { title: 'creditBank.review.title' },
    },
  ],
  nav: [
    { to: '/transcript', label: 'creditBank.nav.transcript', card: 'creditBank.cards.transcript' },
    { to: '/record', label: 'creditBank.nav.record', card: 'creditBank.cards.record' },
    { to: '/wallet', label: 'creditBank.nav.wallet', card: 'creditBank.cards.wallet' },
    { to: '/exchange', label: 'creditBank.nav.exchange', card: 'creditBank.cards.exchange' },
    { to: '/certificates', label: 'creditBank.nav.certificates', card: 'creditBank.cards.certificates' },
    {
      to: '/review',
      label: 'creditBank.nav.review',
      card: 'creditBank.cards.review',
      visible: (me) => reviewedInstitutions(me).length > 0,
    },
  ],
});

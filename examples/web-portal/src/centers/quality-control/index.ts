import { defineCenter, holds } from '../center.js';
import { en, zhCN } from './messages.js';

/**
 * Quality control: dashboards (a scope, an indicator's series as a chart with its data table,
 * the target, CSV; data entry for managers), alerts and the improvement actions opened from them,
 * and the indicator library with the region's packs.
 */
export default defineCenter({
  pluginId: 'quality-control',
  namespace: 'qualityControl',
  messages: { en, 'zh-CN': zhCN },
  routes: [
    {
      path: '/quality',
      name: 'quality-dashboards',
      component: () => import('./DashboardPage.vue'),
      meta: { title: 'qualityControl.dashboard.title' },
    },
    {
      path: '/quality/alerts',
      name: 'quality-alerts',
      component: () => import('./AlertsPage.vue'),
      meta: { title: 'qualityControl.alerts.title' },
    },
    {
      path: '/quality/actions/:actionId',
      name: 'quality-action',
      component: () => import('./ActionPage.vue'),
      meta: { title: 'qualityControl.actions.title' },
    },
    {
      path: '/quality/library',
      name: 'quality-library',
      component: () => import('./LibraryPage.vue'),
      meta: { title: 'qualityControl.library.title' },
    },
  ],
  nav: [
    {
      to: '/quality',
      label: 'qualityControl.nav.dashboards',
      card: 'qualityControl.cards.dashboards',
      visible: (me) => holds(me, 'region-admin', 'registrar', 'teacher'),
    },
    {
      to: '/quality/alerts',
      label: 'qualityControl.nav.alerts',
      card: 'qualityControl.cards.alerts',
      visible: (me) => holds(me, 'region-admin', 'registrar', 'teacher'),
    },
    {
      to: '/quality/library',
      label: 'qualityControl.nav.library',
      card: 'qualityControl.cards.library',
      visible: (me) => holds(me, 'region-admin', 'registrar'),
    },
  ],
});

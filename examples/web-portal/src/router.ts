import { nextTick } from 'vue';
import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router';
import { CENTERS } from './centers/index.js';
import { i18n } from './i18n/index.js';
import { loadPlugins, pluginEnabled, restore, state } from './session.js';

declare module 'vue-router' {
  interface RouteMeta {
    /** The message key of the page's title. */
    title: string;
    /** Only for a signed-in person. */
    auth?: boolean;
    /** The plugin whose page this is: hidden where the region does not enable it. */
    plugin?: string;
  }
}

// Pages load on demand: the first page carries only what it needs (the build checks its budget).
export const router = createRouter({
  history: createWebHistory(),
  routes: [
    {
      path: '/',
      name: 'home',
      component: () => import('./pages/HomePage.vue'),
      meta: { title: 'nav.home', auth: true },
    },
    {
      path: '/sign-in',
      name: 'sign-in',
      component: () => import('./pages/SignInPage.vue'),
      meta: { title: 'signIn.title' },
    },
    {
      path: '/register',
      name: 'register',
      component: () => import('./pages/RegisterPage.vue'),
      meta: { title: 'register.title' },
    },
    {
      path: '/account',
      name: 'account',
      component: () => import('./pages/AccountPage.vue'),
      meta: { title: 'account.title', auth: true },
    },
    {
      path: '/notifications',
      name: 'notifications',
      component: () => import('./pages/NotificationsPage.vue'),
      meta: { title: 'notifications.title', auth: true },
    },
    {
      path: '/family',
      name: 'family',
      component: () => import('./pages/FamilyPage.vue'),
      meta: { title: 'family.title', auth: true },
    },
    {
      path: '/region/plugins',
      name: 'region-plugins',
      component: () => import('./pages/RegionPluginsPage.vue'),
      meta: { title: 'nav.region', auth: true },
    },
    {
      path: '/region/plugins/:pluginId',
      name: 'region-plugin',
      component: () => import('./pages/RegionPluginConfigPage.vue'),
      meta: { title: 'nav.region', auth: true },
    },
    {
      path: '/registrar/verification',
      name: 'verification',
      component: () => import('./pages/VerificationPage.vue'),
      meta: { title: 'verification.title', auth: true },
    },
    {
      path: '/my-data',
      name: 'my-data',
      component: () => import('./pages/PrivacyPage.vue'),
      meta: { title: 'privacy.title', auth: true },
    },
    {
      path: '/region/erasure-requests',
      name: 'erasure-requests',
      component: () => import('./pages/ErasureQueuePage.vue'),
      meta: { title: 'erasures.title', auth: true },
    },
    ...CENTERS.flatMap((center) => center.routes),
    {
      path: '/unavailable',
      name: 'unavailable',
      component: () => import('./pages/UnavailablePage.vue'),
      meta: { title: 'unavailable.title' },
    },
    {
      path: '/:rest(.*)*',
      name: 'not-found',
      component: () => import('./pages/NotFoundPage.vue'),
      meta: { title: 'notFound.title' },
    },
  ],
});

let ready: Promise<void> | undefined;
/** Who is signed in and what the region enables, asked once per page load. */
const startUp = () => {
  ready ??= Promise.allSettled([loadPlugins(), restore()]).then(() => undefined);
  return ready;
};

router.beforeEach(async (to: RouteLocationNormalized) => {
  await startUp();
  if (to.meta.auth && !state.me) return { name: 'sign-in', query: { next: to.fullPath } };
  if (to.meta.plugin && state.enabledPlugins && !pluginEnabled(to.meta.plugin)) return { name: 'unavailable' };
  if ((to.name === 'sign-in' || to.name === 'register') && state.me) return { name: 'home' };
  return true;
});

// A new page is announced like a page load: its title changes and focus moves to its heading.
// (Not on the first load: there the browser starts at the top, as screen readers expect.)
let firstLoad = true;
router.afterEach((to) => {
  document.title = `${i18n.global.t(to.meta.title)} · ${i18n.global.t('app.name')}`;
  if (firstLoad) {
    firstLoad = false;
    return;
  }
  void nextTick().then(() => requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus()));
});

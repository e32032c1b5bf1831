import { defineCenter, holds } from '../center.js';
import { en, zhCN } from './messages.js';

/**
 * Industry support, with the assessments plugin's self-tests (which have no center of their own):
 * my skill profile, the region's published needs with my explained match, gap plan and consent to be
 * contacted; self-tests to take; a company's needs, consenting candidates and cohort; the region's
 * taxonomies for its admins.
 */
export default defineCenter({
  pluginId: 'industry-support',
  namespace: 'industrySupport',
  messages: { en, 'zh-CN': zhCN },
  routes: [
    {
      path: '/skills',
      name: 'skills',
      component: () => import('./SkillsPage.vue'),
      meta: { title: 'industrySupport.skills.title' },
    },
    {
      path: '/skills/tests',
      name: 'self-tests',
      component: () => import('./TestsPage.vue'),
      meta: { title: 'industrySupport.tests.title' },
    },
    {
      path: '/skills/tests/attempts/:attemptId',
      name: 'self-test-attempt',
      component: () => import('./AttemptPage.vue'),
      meta: { title: 'industrySupport.attempt.title' },
    },
    {
      path: '/industry/needs',
      name: 'industry-needs',
      component: () => import('./NeedsPage.vue'),
      meta: { title: 'industrySupport.needs.title' },
    },
    {
      path: '/industry/needs/:needId',
      name: 'industry-need',
      component: () => import('./NeedPage.vue'),
      meta: { title: 'industrySupport.need.title' },
    },
    {
      path: '/industry/company',
      name: 'company-needs',
      component: () => import('./CompanyPage.vue'),
      meta: { title: 'industrySupport.company.title' },
    },
    {
      path: '/industry/company/needs/:needId',
      name: 'company-need',
      component: () => import('./CompanyNeedPage.vue'),
      meta: { title: 'industrySupport.companyNeed.title' },
    },
    {
      path: '/industry/taxonomies',
      name: 'taxonomies',
      component: () => import('./TaxonomiesPage.vue'),
      meta: { title: 'industrySupport.taxonomies.title' },
    },
  ],
  nav: [
    { to: '/skills', label: 'industrySupport.nav.skills', card: 'industrySupport.cards.skills' },
    { to: '/industry/needs', label: 'industrySupport.nav.needs', card: 'industrySupport.cards.needs' },
    { to: '/skills/tests', label: 'industrySupport.nav.tests', card: 'industrySupport.cards.tests' },
    {
      to: '/industry/company',
      label: 'industrySupport.nav.company',
      card: 'industrySupport.cards.company',
      visible: (me) => holds(me, 'industry-partner'),
    },
    {
      to: '/industry/taxonomies',
      label: 'industrySupport.nav.taxonomies',
      visible: (me) => holds(me, 'region-admin', 'platform-admin'),
    },
  ],
});

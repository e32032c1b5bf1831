import { defineCenter } from '../center.js';
import { en, zhCN } from './messages.js';

/**
 * Evaluation and consultation: the engagements a person takes part in (coordinators open them for
 * a school), one engagement's stage, grades, evidence, experts, report and action plan.
 */
export default defineCenter({
  pluginId: 'evaluation-consultation',
  namespace: 'evaluationConsultation',
  messages: { en, 'zh-CN': zhCN },
  routes: [
    {
      path: '/engagements',
      name: 'engagements',
      component: () => import('./EngagementsPage.vue'),
      meta: { title: 'evaluationConsultation.list.title' },
    },
    {
      path: '/engagements/:engagementId',
      name: 'engagement',
      component: () => import('./EngagementPage.vue'),
      meta: { title: 'evaluationConsultation.engagement.page' },
    },
  ],
  nav: [
    {
      to: '/engagements',
      label: 'evaluationConsultation.nav.engagements',
      card: 'evaluationConsultation.cards.engagements',
      // Anyone may be a school contact, a team member or an expert of an engagement; API keys are not.
      visible: (me) => me.kind === 'person',
    },
  ],
});

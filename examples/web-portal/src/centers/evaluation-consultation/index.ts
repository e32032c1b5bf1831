import { defineCenter } from '../center.js';

// Pages to come (issue #25): a placeholder so the center is registered.
export default defineCenter({
  pluginId: 'evaluation-consultation',
  namespace: 'evaluationConsultation',
  messages: { en: {}, 'zh-CN': {} },
  routes: [],
  nav: [],
});

import { defineCenter } from '../center.js';

// Pages to come (issue #25): a placeholder so the center is registered.
export default defineCenter({
  pluginId: 'teacher-development',
  namespace: 'teacherDevelopment',
  messages: { en: {}, 'zh-CN': {} },
  routes: [],
  nav: [],
});

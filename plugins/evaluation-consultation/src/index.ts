import { definePlugin } from '@lifelong/core';
import pkg from '../package.json' with { type: 'json' };
import { EvaluationConfig } from './config.js';
import { registerDiagnosis } from './diagnosis/routes.js';
import { distribution } from './distribution.js';
import { registerEngagements } from './engagements/routes.js';
import { registerEvidence } from './evidence/routes.js';
import { registerExperts } from './experts/routes.js';
import { notifications } from './notifications.js';
import { permissions, roles } from './permissions.js';
import { registerTemplates } from './templates/routes.js';
import { registerVisits } from './visits/routes.js';

export { EvaluationConfig } from './config.js';
export * from './errors.js';
export * from './events.js';
export { rankExperts, WEIGHTS } from './experts/ranking.js';
export * from './notifications.js';
export type { QualityControlSeries, QualitySeriesPoint } from './quality-control.js';
export { DEFAULT_TEMPLATE_ID, defaultTemplate } from './shared/default-template.js';

/**
 * The evaluation and consultation center: engagements with schools from scoping and the school's
 * self-evaluation through field investigation, diagnosis and a report checked for factual
 * accuracy, to an action plan, return visits whose effect is measured, and expert follow-up.
 */
const evaluationConsultation = definePlugin({
  id: 'evaluation-consultation',
  version: pkg.version,
  description: 'Engagements with schools: investigation, diagnosis, reports, return visits, experts',
  requires: { core: '^0.1.0' },
  config: EvaluationConfig,
  migrations: new URL('../drizzle', import.meta.url),
  permissions,
  roles,
  distribution,
  notifications,
  register(p) {
    registerTemplates(p);
    registerEngagements(p);
    registerEvidence(p);
    registerDiagnosis(p);
    registerVisits(p);
    registerExperts(p);
  },
});

export default evaluationConsultation;

import { definePlugin } from '@lifelong/core';
import pkg from '../package.json' with { type: 'json' };
import { registerAttempts } from './attempts/routes.js';
import { bestAttempt } from './attempts/store.js';
import { registerBanks } from './banks/routes.js';
import { AssessmentsConfig } from './config.js';
import { distribution } from './distribution.js';
import { registerForms } from './forms/routes.js';
import { permissions, roles } from './permissions.js';
import { assessmentResults } from './results.js';

export { AssessmentsConfig } from './config.js';
export * from './errors.js';
export * from './events.js';
export { type AssessmentResults, assessmentResults, type BestAttempt } from './results.js';
export * from './schemas.js';

/**
 * Assessments: item banks, forms drawn from them, timed attempts scored on the server, and
 * results as events and as a service other plugins ask ("did this person pass?").
 */
const assessments = definePlugin({
  id: 'assessments',
  version: pkg.version,
  description: 'Item banks, forms, timed attempts scored on the server, results',
  requires: { core: '^0.1.0' },
  config: AssessmentsConfig,
  migrations: new URL('../drizzle', import.meta.url),
  permissions,
  roles,
  distribution,
  register(p) {
    p.provide(assessmentResults, (ctx) => ({
      async bestAttempt(personId, formId) {
        const row = await bestAttempt(ctx.db, personId, formId);
        if (!row || row.passed === null || row.scoreBasisPoints === null || row.submittedAt === null) return null;
        return { passed: row.passed, scorePercent: row.scoreBasisPoints / 100, submittedAt: row.submittedAt };
      },
    }));
    registerBanks(p);
    registerForms(p);
    registerAttempts(p);
  },
});

export default assessments;

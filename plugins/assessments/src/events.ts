import { defineEvent } from '@lifelong/core';
import { Type } from '@sinclair/typebox';

/**
 * An attempt was scored (submitted, or closed at its deadline). Carries ids and figures, never
 * answers; keyed by person so one person's results arrive in order.
 */
export const AttemptScored = defineEvent(
  'assessments.attempt.scored',
  Type.Object({
    attemptId: Type.String(),
    personId: Type.String(),
    formId: Type.String(),
    regionId: Type.String(),
    scorePercent: Type.Number({
      description: 'Earned points over the form’s points, in percent, two decimals, rounded down.',
    }),
    passed: Type.Boolean(),
    timedOut: Type.Boolean({ description: 'Closed at the deadline rather than submitted.' }),
    submittedAt: Type.String({ format: 'date-time' }),
  }),
);

export const ASSESSMENTS_EVENTS = [AttemptScored];

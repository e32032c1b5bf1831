import type { PluginRegistrar } from '@lifelong/core';
import { Type } from '@sinclair/typebox';

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A calendar day, YYYY-MM-DD' });

/** The evaluation-consultation plugin's configuration per region. */
export const EvaluationConfig = Type.Object({
  calendar: Type.Object(
    {
      workingWeekdays: Type.Array(Type.Integer({ minimum: 0, maximum: 6 }), {
        minItems: 1,
        maxItems: 7,
        uniqueItems: true,
        default: [1, 2, 3, 4, 5],
        description: 'Days of the week that are working days (0 = Sunday … 6 = Saturday), in UTC.',
      }),
      holidays: Type.Array(IsoDate, {
        maxItems: 400,
        default: [],
        description: 'Public holidays of the region: never working days.',
      }),
    },
    { default: {} },
  ),
  factualAccuracyWorkingDays: Type.Integer({
    minimum: 1,
    maximum: 60,
    default: 5,
    description: 'How many working days the school has to check a released draft for factual accuracy.',
  }),
  reminderWorkingDays: Type.Integer({
    minimum: 0,
    maximum: 30,
    default: 2,
    description: 'Remind the team this many working days before a stage is due (and again when overdue).',
  }),
  conflictYears: Type.Integer({
    minimum: 0,
    maximum: 30,
    default: 3,
    description: 'An expert is never assigned to a school they worked for within this many years.',
  }),
});

export type EvaluationRegistrar = PluginRegistrar<typeof EvaluationConfig>;

import type { PluginRegistrar } from '@lifelong/core';
import { Type } from '@sinclair/typebox';

/** The assessments plugin's configuration per region. */
export const AssessmentsConfig = Type.Object({
  maxItemsPerBank: Type.Integer({ minimum: 1, maximum: 100_000, default: 5000 }),
  maxItemsPerForm: Type.Integer({ minimum: 1, maximum: 500, default: 200 }),
  maxTimeLimitMinutes: Type.Integer({
    minimum: 1,
    maximum: 1440,
    default: 240,
    description: 'The longest time limit a form may set.',
  }),
});

export type AssessmentsRegistrar = PluginRegistrar<typeof AssessmentsConfig>;

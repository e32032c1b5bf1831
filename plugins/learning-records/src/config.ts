import type { PluginRegistrar } from '@lifelong/core';
import { Type } from '@sinclair/typebox';

/** The learning-records plugin's configuration per region. */
export const LearningRecordsConfig = Type.Object({
  homePage: Type.String({
    format: 'uri',
    maxLength: 200,
    default: 'https://lifelong.example.org',
    description:
      "The region's home page: statements whose actor is an `account` with this `homePage` and a learner number as `name` are linked to that person; LRS credentials appear as `authority` accounts on it.",
  }),
  maxStatementsPerRequest: Type.Integer({
    minimum: 1,
    maximum: 5000,
    default: 1000,
    description: 'The largest batch a POST may carry, and the most statements a GET returns.',
  }),
});

export type LearningRecordsRegistrar = PluginRegistrar<typeof LearningRecordsConfig>;

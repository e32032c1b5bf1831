import type { PluginRegistrar } from '@lifelong/core';
import { Type } from '@sinclair/typebox';

/** The industry support plugin's configuration per region. */
export const IndustrySupportConfig = Type.Object({
  evidenceHalfLifeDays: Type.Integer({
    minimum: 1,
    maximum: 36_500,
    default: 1095,
    description: 'Evidence loses half its weight every this many days (default three years).',
  }),
  declaredWeight: Type.Number({
    minimum: 0,
    maximum: 1,
    default: 0.5,
    description: 'The weight of a self-declared level, against 1 for evidence.',
  }),
  closeMatchWeight: Type.Number({
    minimum: 0,
    maximum: 1,
    default: 0.8,
    description: 'The weight of evidence reached through a `closeMatch` crosswalk (`exactMatch` counts fully).',
  }),
  cohortMinimum: Type.Integer({
    minimum: 2,
    maximum: 1000,
    default: 5,
    description: 'A cohort view shows aggregates only over at least this many consenting learners.',
  }),
  stallDays: Type.Integer({
    minimum: 1,
    maximum: 3650,
    default: 30,
    description: 'A consenting learner whose score has not risen for this many days is flagged as stalled.',
  }),
  importRowsPerRun: Type.Integer({
    minimum: 100,
    maximum: 1_000_000,
    default: 200_000,
    description: 'How many rows of an import one run of the imports job processes before it commits.',
  }),
  maxCaseBytes: Type.Integer({
    minimum: 1024,
    maximum: 100_000_000,
    default: 20_000_000,
    description: 'The largest CASE JSON framework an import accepts (CASE is read whole).',
  }),
});

export type IndustrySupportRegistrar = PluginRegistrar<typeof IndustrySupportConfig>;

import { Page, PageQuery } from '@lifelong/core/schemas';
import { Type } from '@sinclair/typebox';
import { Id, NullableTimestamp, Timestamp } from '../shared/common-schemas.js';

export const Consent = Type.Object({
  needId: Id,
  status: Type.Union([Type.Literal('active'), Type.Literal('withdrawn')]),
  givenAt: Timestamp,
  withdrawnAt: NullableTimestamp,
});

/** A consenting learner as the need's company sees them (only while the consent is active). */
export const Candidate = Type.Object({
  learnerNumber: Type.String(),
  displayName: Type.Union([Type.String(), Type.Null()], {
    description: 'The name the learner chose to be shown by (null until they choose one); never the legal name.',
  }),
  consentedAt: Timestamp,
  score: Type.Number(),
  matched: Type.Integer(),
  partial: Type.Integer(),
  missing: Type.Integer(),
  skills: Type.Array(
    Type.Object({
      skillId: Id,
      label: Type.String(),
      status: Type.String(),
      requiredLevel: Type.Integer(),
      heldLevel: Type.Number(),
    }),
  ),
  stalled: Type.Boolean({
    description: 'No rise of the recorded score for `stallDays` days: an early-intervention flag.',
  }),
});
export const CandidatePage = Page(Candidate);
export const CandidateQuery = PageQuery;

export const Cohort = Type.Object({
  needId: Id,
  minimum: Type.Integer({ description: 'The region’s `cohortMinimum`.' }),
  consenting: Type.Union([Type.Integer(), Type.Null()], {
    description: 'How many learners consent; null below the minimum (then nothing else is shown either).',
  }),
  distribution: Type.Union(
    [Type.Array(Type.Object({ from: Type.Number(), to: Type.Number(), learners: Type.Integer() })), Type.Null()],
    { description: 'Latest recorded scores of consenting learners in fifths (0–0.2, …, 0.8–1).' },
  ),
  mean: Type.Union([Type.Number(), Type.Null()]),
  stalled: Type.Union([Type.Integer(), Type.Null()]),
});

import { Type } from '@sinclair/typebox';
import { Id, Timestamp } from './common-schemas.js';

/** One piece of evidence, and why it counts as much as it does. */
export const EvidenceView = Type.Object({
  kind: Type.Union([Type.Literal('assessment'), Type.Literal('declared')], {
    description: '`declared`: the learner said so themself (weighted lower).',
  }),
  sourceRef: Type.Union([Id, Type.Null()], { description: 'The assessment form, for `assessment`.' }),
  skillId: Id,
  level: Type.Integer({ description: 'The level the evidence shows, 0–7.' }),
  observedAt: Timestamp,
  weight: Type.Number({ description: 'Age decay × declared weight × crosswalk weight, 0–1.' }),
  effectiveLevel: Type.Number({ description: 'level × weight: what the evidence is worth today.' }),
  crosswalk: Type.Union([Type.Literal('exactMatch'), Type.Literal('closeMatch'), Type.Null()]),
  reason: Type.String(),
});

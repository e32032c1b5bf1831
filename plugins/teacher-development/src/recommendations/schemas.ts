import { type Static, Type } from '@sinclair/typebox';
import { Id, NullableTimestamp, Timestamp } from '../common-schemas.js';

export const ProposeRecommendationsBody = Type.Object(
  {
    event: Type.String({
      minLength: 1,
      maxLength: 300,
      description: 'The activity or event, e.g. "Lifelong Education Week 2026".',
    }),
  },
  { additionalProperties: false },
);

export const ConfirmRecommendationsBody = Type.Object(
  {
    teacherIds: Type.Optional(
      Type.Array(Type.String({ format: 'uuid' }), {
        uniqueItems: true,
        maxItems: 10_000,
        description: 'The proposed teachers to keep; all of them when omitted.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const RecommendationEntry = Type.Object({
  teacherId: Id,
  personId: Id,
  displayName: Type.Union([Type.String(), Type.Null()], {
    description: 'The name the teacher chose to be shown by (null until they choose one).',
  }),
  legalName: Type.Optional(
    Type.String({ description: "The teacher's legal name: only to callers who may read people in the region." }),
  ),
  rank: Type.Integer({ minimum: 1 }),
  score: Type.Number(),
  confirmed: Type.Boolean(),
});

export const RecommendationList = Type.Object({
  id: Id,
  regionId: Type.String(),
  event: Type.String(),
  state: Type.Union([Type.Literal('proposed'), Type.Literal('confirmed')]),
  proposedAt: Timestamp,
  confirmedAt: NullableTimestamp,
  entries: Type.Array(RecommendationEntry),
});
export type RecommendationList = Static<typeof RecommendationList>;

export const RecommendationParams = Type.Object({ listId: Id });
export const ExportQuery = Type.Object(
  { format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')], { default: 'json' })) },
  { additionalProperties: false },
);

import { type Static, Type } from '@sinclair/typebox';
import { EngagementParams, Id, NullableTimestamp, Text, Timestamp } from '../shared/common-schemas.js';
import { IndicatorCode } from '../shared/template-schema.js';

export { EngagementParams };

export const ActionPlanBody = Type.Object(
  {
    actions: Type.Array(
      Type.Object(
        {
          solutionId: Id,
          text: Text,
          dueInWorkingDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 100 },
    ),
  },
  { additionalProperties: false },
);
export type ActionPlanBody = Static<typeof ActionPlanBody>;

export const Action = Type.Object({ id: Id, solutionId: Id, text: Type.String(), dueAt: NullableTimestamp });
export const Visit = Type.Object({
  id: Id,
  number: Type.Integer(),
  plannedFor: Timestamp,
  completedAt: NullableTimestamp,
  notes: Type.Union([Type.String(), Type.Null()]),
});
export const ActionPlan = Type.Object({
  agreedAt: NullableTimestamp,
  actions: Type.Array(Action),
  visits: Type.Array(Visit),
});
export const VisitParams = Type.Object({ engagementId: Id, visitId: Id });

export const MeasurementsBody = Type.Object(
  {
    grades: Type.Array(
      Type.Object(
        {
          indicatorCode: IndicatorCode,
          grade: Type.Integer({ minimum: 0, maximum: 10 }),
          value: Type.Optional(Type.Number()),
          rationale: Type.String({ minLength: 1, maxLength: 5000 }),
          evidenceIds: Type.Optional(Type.Array(Id, { maxItems: 50, uniqueItems: true })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 60 },
    ),
  },
  { additionalProperties: false },
);
export const CompletionBody = Type.Object(
  { notes: Type.Optional(Type.String({ maxLength: 20_000 })) },
  { additionalProperties: false },
);

const Point = Type.Object({ grade: Type.Integer(), value: Type.Union([Type.Number(), Type.Null()]) });
const Delta = Type.Object({
  grade: Type.Integer(),
  value: Type.Union([Type.Number(), Type.Null()], { description: 'null unless both measurements have a value' }),
});
export const Effect = Type.Object({
  source: Type.Literal('engagement', {
    description: 'Where the measurements come from: the engagement’s own (quality control is not wired yet)',
  }),
  indicators: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      baseline: Type.Union([Point, Type.Null()], { description: 'The team’s diagnosis grade' }),
      visits: Type.Array(
        Type.Object({
          visitId: Id,
          number: Type.Integer(),
          measured: Point,
          sincePrevious: Type.Union([Delta, Type.Null()]),
          sinceBaseline: Type.Union([Delta, Type.Null()]),
        }),
      ),
    }),
  ),
});

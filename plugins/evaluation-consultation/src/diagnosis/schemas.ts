import { Type } from '@sinclair/typebox';
import { EngagementParams, Id, NullableTimestamp, ShortText, Text, Timestamp } from '../shared/common-schemas.js';
import { IndicatorCode, Scale } from '../shared/template-schema.js';

export { EngagementParams };

export const GradeInput = Type.Object(
  {
    indicatorCode: IndicatorCode,
    grade: Type.Integer({ minimum: 0, maximum: 10, description: 'On the template’s scale' }),
    value: Type.Optional(Type.Number({ description: 'A measured value behind the grade (a rate, a score), if any' })),
    rationale: Type.String({ minLength: 1, maxLength: 5000, description: 'How do we know?' }),
    evidenceIds: Type.Optional(Type.Array(Id, { maxItems: 50, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export const GradesBody = Type.Object(
  { grades: Type.Array(GradeInput, { minItems: 1, maxItems: 60 }) },
  { additionalProperties: false },
);

export const Grade = Type.Object({
  indicatorCode: Type.String(),
  grade: Type.Integer(),
  label: Type.Union([Type.String(), Type.Null()]),
  value: Type.Union([Type.Number(), Type.Null()]),
  rationale: Type.String(),
  evidenceIds: Type.Array(Id),
  gradedBy: Id,
  gradedAt: Timestamp,
});
export const IndicatorGrades = Type.Object({
  code: Type.String(),
  name: Type.String(),
  self: Type.Union([Grade, Type.Null()]),
  team: Type.Union([Grade, Type.Null()], { description: 'Hidden from the school until a draft is released to it' }),
});
export const GradesView = Type.Object({
  scale: Scale,
  selfEvaluationSubmittedAt: NullableTimestamp,
  indicators: Type.Array(IndicatorGrades),
});

export const FindingBody = Type.Object(
  {
    kind: Type.Union([Type.Literal('strength'), Type.Literal('improvement')]),
    indicatorCode: Type.Optional(IndicatorCode),
    text: Text,
    solutions: Type.Optional(Type.Array(Text, { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export const SolutionBody = Type.Object({ text: Text }, { additionalProperties: false });
export const Solution = Type.Object({ id: Id, findingId: Id, text: Type.String(), createdAt: Timestamp });
export const Finding = Type.Object({
  id: Id,
  kind: Type.String(),
  indicatorCode: Type.Union([Type.String(), Type.Null()]),
  text: Type.String(),
  solutions: Type.Array(Solution),
  createdAt: Timestamp,
});
export const FindingList = Type.Object({ items: Type.Array(Finding) });
export const FindingParams = Type.Object({ engagementId: Id, findingId: Id });

export const ReportStatus = Type.Union([Type.Literal('draft'), Type.Literal('final')]);
export const ReportVersion = Type.Object({
  version: Type.Integer(),
  status: ReportStatus,
  createdAt: Timestamp,
  releasedAt: NullableTimestamp,
  windowClosesAt: NullableTimestamp,
});
export const Report = Type.Object({
  ...ReportVersion.properties,
  content: Type.Record(Type.String(), Type.Unknown(), {
    description: 'The frozen report: grades, findings, solutions',
  }),
});
export const ReportVersionList = Type.Object({ items: Type.Array(ReportVersion) });
export const ReportQuery = Type.Object(
  { version: Type.Optional(Type.Integer({ minimum: 1 })) },
  { additionalProperties: false },
);

export const CommentBody = Type.Object({ section: ShortText, text: Text }, { additionalProperties: false });
export const ResponseBody = Type.Object(
  { response: Text, accepted: Type.Boolean({ description: 'Whether the report is corrected as the school asks' }) },
  { additionalProperties: false },
);
export const Comment = Type.Object({
  id: Id,
  reportVersion: Type.Integer(),
  section: Type.String(),
  text: Type.String(),
  authorId: Id,
  createdAt: Timestamp,
  response: Type.Union([Type.String(), Type.Null()]),
  accepted: Type.Union([Type.Boolean(), Type.Null()]),
  respondedAt: NullableTimestamp,
});
export const CommentList = Type.Object({ items: Type.Array(Comment) });
export const CommentParams = Type.Object({ engagementId: Id, commentId: Id });

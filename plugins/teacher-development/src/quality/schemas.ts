import { Page, PageQuery } from '@lifelong/core/schemas';
import { type Static, Type } from '@sinclair/typebox';
import { Id, Timestamp } from '../common-schemas.js';

export const QualityFiguresSchema = Type.Object({
  courses: Type.Integer(),
  enrolments: Type.Integer(),
  learners: Type.Integer(),
  activeLearners: Type.Integer(),
  completed: Type.Integer(),
  completionRate: Type.Number(),
  ratingCount: Type.Integer(),
  averageStars: Type.Union([Type.Number(), Type.Null()]),
  retention: Type.Number(),
  repeatLearners: Type.Integer(),
  repeatRate: Type.Number(),
});

export const SuggestionSchema = Type.Object({
  code: Type.String(),
  message: Type.String(),
  courseId: Type.Optional(Id),
  lesson: Type.Optional(Type.Integer()),
});

export const QualityScore = Type.Object({
  teacherId: Id,
  regionId: Type.String(),
  score: Type.Number({ minimum: 0, maximum: 100, description: 'Two decimals.' }),
  inDatabase: Type.Boolean(),
  figures: QualityFiguresSchema,
  suggestions: Type.Array(SuggestionSchema),
  computedAt: Timestamp,
});
export type QualityScore = Static<typeof QualityScore>;

export const QualityDatabase = Page(QualityScore);
export const QualityDatabaseQuery = PageQuery;
export const RecomputeResult = Type.Object({ teachers: Type.Integer(), inDatabase: Type.Integer() });

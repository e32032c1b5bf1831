import { Page, PageQuery } from '@lifelong/core/schemas';
import { Level, Stage } from '@lifelong/plugin-credit-bank/schemas';
import { type Static, Type } from '@sinclair/typebox';
import { Id, Lesson, Note, NullableTimestamp, Sha256, Timestamp } from '../common-schemas.js';

export const LessonInput = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 300 }),
    media: Type.Array(Sha256, { maxItems: 20, uniqueItems: true, description: 'Media the teacher uploaded.' }),
    durationSeconds: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 86_400,
        description:
          "How long the lesson's media plays, in seconds. Completing the lesson takes engaged time of at least " +
          "the region's `learning.completion.minEngagedRatio` of it.",
      }),
    ),
  },
  { additionalProperties: false },
);

/** A course's content: what a version holds. Lessons are numbered by their place in the list. */
export const CourseContentBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 300 }),
    description: Type.String({ minLength: 1, maxLength: 10_000 }),
    stage: Stage,
    level: Level,
    learningOutcomes: Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { minItems: 1, maxItems: 50 }),
    workloadHours: Type.Number({ exclusiveMinimum: 0, maximum: 10_000 }),
    lessons: Type.Array(LessonInput, { minItems: 1, maxItems: 500 }),
    assessmentFormId: Type.Optional(
      Type.Union([Type.String({ format: 'uuid' }), Type.Null()], {
        description:
          'An assessments form (`/v1/assessments/forms/{id}`) the learner must pass to complete this version, ' +
          "where the region's `learning.completion.requireAssessmentPassed` is true. Omitted or null: none.",
      }),
    ),
  },
  { additionalProperties: false },
);
export type CourseContentBody = Static<typeof CourseContentBody>;

export const CreateCourseBody = Type.Object(
  {
    ...CourseContentBody.properties,
    institutionId: Type.Optional(
      Type.Union([Type.String({ format: 'uuid' }), Type.Null()], {
        description: "One of the teacher's institutions, which then shares the course's revenue.",
      }),
    ),
  },
  { additionalProperties: false },
);
export type CreateCourseBody = Static<typeof CreateCourseBody>;

export const ReviewCourseBody = Type.Object(
  { decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]), note: Type.Optional(Note) },
  { additionalProperties: false },
);

export const VersionStatus = Type.Union([
  Type.Literal('draft'),
  Type.Literal('submitted'),
  Type.Literal('reviewed'),
  Type.Literal('published'),
  Type.Literal('superseded'),
]);

export const CourseVersion = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  status: VersionStatus,
  title: Type.String(),
  description: Type.String(),
  stage: Stage,
  level: Level,
  learningOutcomes: Type.Array(Type.String()),
  workloadHours: Type.Number(),
  /** The assessments form completing this version asks the learner to pass (where the region requires it). */
  assessmentFormId: Type.Union([Id, Type.Null()]),
  reviewNote: Type.Union([Type.String(), Type.Null()]),
  lessons: Type.Array(Lesson),
});
export type CourseVersion = Static<typeof CourseVersion>;

export const CourseStatus = Type.Union([
  Type.Literal('draft'),
  Type.Literal('submitted'),
  Type.Literal('reviewed'),
  Type.Literal('published'),
  Type.Literal('retired'),
]);

export const Course = Type.Object({
  id: Id,
  regionId: Type.String(),
  teacherId: Id,
  institutionId: Type.Union([Id, Type.Null()]),
  status: CourseStatus,
  liveVersion: Type.Union([Type.Integer(), Type.Null()]),
  publishedAt: NullableTimestamp,
  retiredAt: NullableTimestamp,
  createdAt: Timestamp,
  /** The published content (null before the first publication). */
  live: Type.Union([CourseVersion, Type.Null()]),
  /** The version being edited or reviewed: shown to the teacher and reviewers only. */
  open: Type.Union([CourseVersion, Type.Null()]),
});
export type Course = Static<typeof Course>;

export const CourseVersionParams = Type.Object({ courseId: Id, version: Type.Integer({ minimum: 1 }) });
export const CourseListQuery = Type.Object(
  {
    ...PageQuery.properties,
    teacherId: Type.Optional(Id),
    mine: Type.Optional(
      Type.Boolean({
        description:
          "The caller's own courses as a teacher, in any state (drafts and retired ones too), with the open version.",
      }),
    ),
    openVersion: Type.Optional(
      Type.Union([Type.Literal('draft'), Type.Literal('submitted'), Type.Literal('reviewed')], {
        description:
          'Courses whose open version is in this state (the review queue: `submitted`); for holders of `courses.review`.',
      }),
    ),
  },
  { additionalProperties: false },
);
export const CoursePage = Page(Course);

import { Page, PageQuery } from '@lifelong/core/schemas';
import { type Static, Type } from '@sinclair/typebox';
import { Amount, Id, Lesson, NullableTimestamp, Timestamp } from '../common-schemas.js';

export const LessonProgress = Type.Object({
  lessonId: Id,
  position: Type.Integer(),
  state: Type.Union([Type.Literal('not-started'), Type.Literal('started'), Type.Literal('completed')]),
  percent: Type.Integer({ minimum: 0, maximum: 100 }),
  secondsSpent: Type.Integer({
    minimum: 0,
    description: 'Engaged seconds the server credited from progress events (not what the player claimed).',
  }),
  requiredSeconds: Type.Integer({ minimum: 0, description: 'Engaged seconds the lesson needs to be completed.' }),
  completedAt: NullableTimestamp,
});

export const Payment = Type.Object({
  asset: Type.String(),
  amount: Amount,
  shares: Type.Object({ teacher: Amount, institution: Amount, platform: Amount }),
  transferIds: Type.Array(Id),
});

export const Enrolment = Type.Object({
  id: Id,
  regionId: Type.String(),
  courseId: Id,
  version: Type.Integer({ minimum: 1 }),
  personId: Id,
  access: Type.Union([Type.Literal('free-week'), Type.Literal('free'), Type.Literal('paid')], {
    description: 'free-week: enrolled during the free week (keeps access); free: priced at zero; paid.',
  }),
  payment: Type.Union([Payment, Type.Null()]),
  enrolledAt: Timestamp,
  completedAt: NullableTimestamp,
  award: Type.Union([
    Type.Object({ status: Type.String(), recordId: Type.String(), credits: Type.String(), points: Type.String() }),
    Type.Null(),
  ]),
  lessons: Type.Array(Type.Composite([Lesson, Type.Object({ progress: LessonProgress })])),
});
export type Enrolment = Static<typeof Enrolment>;

export const EnrolmentParams = Type.Object({ enrolmentId: Id });
export const LessonEventParams = Type.Object({ enrolmentId: Id, lessonId: Id });
export const EnrolmentListQuery = PageQuery;
export const EnrolmentSummary = Type.Omit(Enrolment, ['lessons']);
export const EnrolmentPage = Page(EnrolmentSummary);

export const LessonEventBody = Type.Object(
  {
    type: Type.Union([Type.Literal('started'), Type.Literal('progressed'), Type.Literal('completed')]),
    secondsSpent: Type.Integer({
      minimum: 0,
      maximum: 86_400,
      description:
        'Seconds the player says the learner spent since the last event: a claim. The server credits at most ' +
        "the wall-clock time since the enrolment's previous event, and at most the region's maxSecondsPerEvent.",
    }),
    percent: Type.Optional(Type.Integer({ minimum: 0, maximum: 100, description: 'How far into the lesson.' })),
  },
  { additionalProperties: false },
);
export type LessonEventBody = Static<typeof LessonEventBody>;

export const RatingBody = Type.Object(
  {
    stars: Type.Integer({ minimum: 1, maximum: 5 }),
    review: Type.Optional(Type.String({ minLength: 1, maxLength: 4000 })),
  },
  { additionalProperties: false },
);
export type RatingBody = Static<typeof RatingBody>;

export const Rating = Type.Object({
  courseId: Id,
  personId: Id,
  stars: Type.Integer(),
  review: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Rating = Static<typeof Rating>;

/** A rating as others see it: who gave it is not shown. */
export const Review = Type.Object({
  stars: Type.Integer(),
  review: Type.Union([Type.String(), Type.Null()]),
  updatedAt: Timestamp,
});
export type Review = Static<typeof Review>;

export const RatingSummary = Type.Object({
  courseId: Id,
  count: Type.Integer(),
  average: Type.Union([Type.Number(), Type.Null()], {
    description: "Null until the course has the region's `learning.ratings.minCountForAverage` ratings.",
  }),
  items: Type.Array(Review, { description: 'The latest 100 reviews, anonymous; empty below the minimum count.' }),
  mine: Type.Union([Rating, Type.Null()], { description: "The caller's own rating, if any." }),
});

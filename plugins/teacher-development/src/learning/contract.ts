import { defineContract } from '@lifelong/core/contract';
import { CourseParams } from '../common-schemas.js';
import {
  CompletionEvidenceMissing,
  InsufficientFunds,
  NotEnrolled,
  NotYetAwardable,
  PaymentFailed,
  PricingMisconfigured,
  WrongCourseState,
} from '../errors.js';
import {
  Enrolment,
  EnrolmentListQuery,
  EnrolmentPage,
  EnrolmentParams,
  LessonEventBody,
  LessonEventParams,
  Rating,
  RatingBody,
  RatingSummary,
} from './schemas.js';

export const enrol = defineContract({
  operationId: 'courses.enrolments.create',
  method: 'post',
  path: '/courses/{courseId}/enrolments',
  summary: 'Enrol in a published course: free in its free week, afterwards paid from the wallet at its price',
  description:
    'Pays through the ledger as one set of linked transfers split between teacher, institution and platform. ' +
    'Enrolling again answers 200 with the existing enrolment and charges nothing. One may not enrol in one’s own ' +
    'course: its teacher, a guardian or ward of the teacher, or staff of the institution sharing its revenue get ' +
    '403 `CONFLICT_OF_INTEREST` (extensions `rule`, `action`).',
  access: { authenticated: 'any signed-in person' },
  request: { params: CourseParams },
  responses: {
    200: { description: 'Already enrolled', schema: Enrolment },
    201: { description: 'Enrolled', schema: Enrolment },
  },
  errors: [WrongCourseState, InsufficientFunds, PaymentFailed, PricingMisconfigured],
});

export const listEnrolments = defineContract({
  operationId: 'enrolments.list',
  method: 'get',
  path: '/enrolments',
  summary: "The caller's enrolments in the region, oldest first",
  description:
    "The signed-in person's own enrolments in the request's region, without their lessons (API keys get " +
    '403). Paginated with `?limit=&cursor=`.',
  access: { authenticated: 'the learner' },
  request: { query: EnrolmentListQuery },
  responses: { 200: { description: 'A page of enrolments', schema: EnrolmentPage } },
});

export const getEnrolment = defineContract({
  operationId: 'enrolments.get',
  method: 'get',
  path: '/enrolments/{enrolmentId}',
  summary: 'One of the caller’s enrolments, with its lessons and progress',
  description:
    "Only the learner: another person's enrolment, or one of another region, answers 404. Lessons are " +
    'those of the version the learner enrolled in.',
  access: { authenticated: 'the learner' },
  request: { params: EnrolmentParams },
  responses: { 200: { description: 'The enrolment', schema: Enrolment } },
});

export const recordLessonEvent = defineContract({
  operationId: 'enrolments.lessons.events.record',
  method: 'post',
  path: '/enrolments/{enrolmentId}/lessons/{lessonId}/events',
  summary: 'Report lesson progress (the player’s heartbeat): started, progressed or completed',
  description:
    'The player calls this as the learner watches. The server credits engaged time of min(claimed ' +
    "`secondsSpent`, wall-clock seconds since the enrolment's previous event, `maxSecondsPerEvent`); the " +
    'first event credits nothing. `completed` is refused (409 `TEACHER_DEVELOPMENT_COMPLETION_EVIDENCE_MISSING`, ' +
    'extension `lessons` with required, engaged and missing seconds; nothing is recorded) while the lesson has ' +
    "less engaged time than the region's completion rule asks for. Completing the last lesson completes the " +
    'course: the credit bank awards it once, and `teacher-development.course.completed` is emitted, in the same ' +
    'transaction.',
  access: { authenticated: 'the learner' },
  request: { params: LessonEventParams, body: LessonEventBody },
  responses: { 200: { description: 'The enrolment with its progress', schema: Enrolment } },
  errors: [CompletionEvidenceMissing],
});

export const claimAward = defineContract({
  operationId: 'enrolments.award.claim',
  method: 'post',
  path: '/enrolments/{enrolmentId}/award',
  summary: 'Ask the credit bank again for the credits of a completed course (after verifying one’s identity)',
  description: 'Idempotent: an enrolment is awarded at most once.',
  access: { authenticated: 'the learner' },
  request: { params: EnrolmentParams },
  responses: { 200: { description: 'The enrolment with its award', schema: Enrolment } },
  errors: [NotYetAwardable],
});

export const rateCourse = defineContract({
  operationId: 'courses.rating.set',
  method: 'put',
  path: '/courses/{courseId}/rating',
  summary: 'Rate and review a course (enrolled learners only; one rating per learner, editable)',
  description:
    'Only learners enrolled in the course (403 `TEACHER_DEVELOPMENT_NOT_ENROLLED` otherwise; API keys 403 ' +
    '`TEACHER_DEVELOPMENT_PEOPLE_ONLY`). `stars` is 1 to 5 with an optional `review`; rating again ' +
    "replaces the learner's rating (200), a first rating answers 201. The course's teacher, their guardians " +
    'and wards, and staff of its institution get 403 `CONFLICT_OF_INTEREST`.',
  errors: [NotEnrolled],
  access: { authenticated: 'learners enrolled in the course' },
  request: { params: CourseParams, body: RatingBody },
  responses: {
    200: { description: 'The rating, updated', schema: Rating },
    201: { description: 'The rating, new', schema: Rating },
  },
});

export const getRatings = defineContract({
  operationId: 'courses.ratings.get',
  method: 'get',
  path: '/courses/{courseId}/ratings',
  summary: "A course's ratings: count, average and the latest 100 reviews, anonymous; the caller's own",
  description:
    'Anyone signed in; an unpublished course is 404 except to its teacher and reviewers. Who rated is never ' +
    'shown to others. The average (over all ratings, two decimals) and the reviews (the 100 most recently ' +
    "updated) appear once the course has the region's `learning.ratings.minCountForAverage` ratings (default " +
    "3): `average: null` and no items before. `mine` is the caller's own rating.",
  access: { authenticated: 'any signed-in principal' },
  request: { params: CourseParams },
  responses: { 200: { description: 'The ratings', schema: RatingSummary } },
});

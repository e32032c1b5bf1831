import { toPage, uuidv7 } from '@lifelong/core';
import type { Ctx } from '../context.js';
import {
  CourseNotFound,
  LessonNotFound,
  NotEnrolled,
  NotYetAwardable,
  PeopleOnly,
  WrongCourseState,
} from '../errors.js';
import { EnrolmentPaid } from '../events.js';
import { idKey } from '../pages.js';
import { courseOwners, findCourse, visibleCourse } from '../shared/courses.js';
import { inFreeWeek, payForEnrolment, recomputePrice, storedPrice } from '../shared/pricing.js';
import { teacherById } from '../shared/teachers.js';
import { awardCompletion, completeIfDone, evidenceProblem } from './completion.js';
import { creditedSeconds, missingEvidence } from './engagement.js';
import type { EnrolmentRow } from './schema.js';
import type { Enrolment, LessonEventBody, RatingBody } from './schemas.js';
import {
  enrolmentOf,
  enrolmentPage,
  enrolmentSummary,
  enrolmentView,
  insertEnrolment,
  lastEventAt,
  latestRatings,
  lessonOfEnrolment,
  ownEnrolment,
  progressOf,
  ratingOf,
  ratingSummary,
  ratingView,
  reviewView,
  updateEnrolment,
  upsertProgress,
  upsertRating,
} from './store.js';

// Learning's rules: enrolment (free week, free or paid), lesson progress, completion, ratings.
// Each function runs in the request's transaction.

const view = (ctx: Ctx, row: EnrolmentRow) => enrolmentView(ctx.db, row, ctx.config.learning.completion);

/** Enrols the caller in a published course; an existing enrolment is answered as it is (`created: false`). */
export async function enrol(ctx: Ctx, courseId: string): Promise<{ created: boolean; enrolment: Enrolment }> {
  const personId = ctx.requirePerson(PeopleOnly);
  const course = await findCourse(ctx.db, courseId, ctx.regionId);
  if (course.liveVersion === null) {
    throw CourseNotFound({ detail: `Course ${course.id} is not published.` });
  }
  await ctx.refuseConflictOfInterest({ action: 'enrol in this course', ...(await courseOwners(ctx.db, course)) });
  const existing = await enrolmentOf(ctx.db, course.id, personId);
  if (existing) return { created: false, enrolment: await view(ctx, existing) };
  if (course.retiredAt)
    throw WrongCourseState({ detail: `Course ${course.id} is retired: it takes no new enrolments.` });

  let access: 'free-week' | 'free' | 'paid' = 'free-week';
  let price = 0n;
  let asset: string | null = null;
  if (!inFreeWeek(course, ctx.config.pricing, ctx.now())) {
    const stored = (await storedPrice(ctx, course.id)) ?? (await recomputePrice(ctx, course, 'enrolment'));
    price = stored.price;
    asset = stored.asset;
    access = price === 0n ? 'free' : 'paid';
  }
  const row = await insertEnrolment(ctx.db, {
    id: uuidv7(),
    regionId: ctx.regionId,
    courseId: course.id,
    version: course.liveVersion,
    personId,
    access,
    asset,
    amountPaid: price,
    transferIds: [],
    enrolledAt: ctx.now(),
  });
  if (!row) {
    // A concurrent request of the same learner enrolled first (and paid, if anything): use theirs.
    const winner = await enrolmentOf(ctx.db, course.id, personId);
    if (!winner) throw new Error('enrolment vanished');
    return { created: false, enrolment: await view(ctx, winner) };
  }
  if (access !== 'paid' || asset === null) return { created: true, enrolment: await view(ctx, row) };

  const teacher = await teacherById(ctx.db, course.teacherId);
  if (!teacher) throw new Error(`Teacher ${course.teacherId} of course ${course.id} vanished`);
  const paid = await payForEnrolment(ctx, {
    enrolmentId: row.id,
    courseId: course.id,
    personId,
    teacherPersonId: teacher.personId,
    institutionId: course.institutionId,
    asset,
    amount: price,
    config: ctx.config.pricing,
  });
  const recorded = await updateEnrolment(ctx.db, row.id, {
    // The asset paid: the price's, or VOUCHER where the region accepts family vouchers.
    asset: paid.asset,
    transferIds: paid.transferIds,
    shares: {
      teacher: String(paid.share.teacher),
      institution: String(paid.share.institution),
      platform: String(paid.share.platform),
    },
  });
  await ctx.emit(
    EnrolmentPaid,
    {
      enrolmentId: row.id,
      courseId: course.id,
      personId,
      regionId: ctx.regionId,
      asset: paid.asset,
      amount: String(price),
    },
    { key: personId },
  );
  return { created: true, enrolment: await view(ctx, recorded) };
}

export async function listEnrolments(ctx: Ctx, query: { limit?: number | undefined; cursor?: string | undefined }) {
  const limit = query.limit ?? 50;
  const rows = await enrolmentPage(ctx.db, ctx.requirePerson(PeopleOnly), ctx.regionId, {
    limit,
    cursor: query.cursor,
  });
  return toPage(rows, limit, idKey, enrolmentSummary);
}

export async function getEnrolment(ctx: Ctx, enrolmentId: string) {
  return view(ctx, await ownEnrolment(ctx.db, enrolmentId, ctx.requirePerson(PeopleOnly), ctx.regionId));
}

/**
 * Folds one progress event into the learner's progress. The engaged time credited is the server's
 * measure (`creditedSeconds`), never the player's claim alone. Completing a lesson that lacks the
 * engaged time its duration asks for is refused (409, nothing recorded); completing the last lesson
 * completes the course.
 */
export async function recordLessonEvent(ctx: Ctx, enrolmentId: string, lessonId: string, body: LessonEventBody) {
  // The enrolment row lock serializes the learner's events, so each measures from the one before.
  const enrolment = await ownEnrolment(ctx.db, enrolmentId, ctx.requirePerson(PeopleOnly), ctx.regionId, true);
  const lesson = await lessonOfEnrolment(ctx.db, enrolment, lessonId);
  if (!lesson) throw LessonNotFound({ detail: `Lesson ${lessonId} is not part of this enrolment's course.` });
  const rule = ctx.config.learning.completion;
  const now = ctx.now();
  const before = await progressOf(ctx.db, enrolment.id, lesson.id);
  const engaged =
    (before?.secondsSpent ?? 0) +
    creditedSeconds(body.secondsSpent, await lastEventAt(ctx.db, enrolment.id), now, rule);
  const completing = body.type === 'completed' && before?.state !== 'completed';
  if (completing) {
    const missing = missingEvidence([lesson], new Map([[lesson.id, engaged]]), rule);
    if (missing.length) throw evidenceProblem(missing);
  }
  const completed = completing || before?.state === 'completed';
  await upsertProgress(
    ctx.db,
    {
      enrolmentId: enrolment.id,
      lessonId: lesson.id,
      courseId: enrolment.courseId,
      position: lesson.position,
      startedAt: now,
    },
    {
      state: completed ? 'completed' : 'started',
      percent: completed ? 100 : Math.max(before?.percent ?? 0, body.percent ?? 0),
      secondsSpent: engaged,
      lastActivityAt: now,
      completedAt: before?.completedAt ?? (completed ? now : null),
    },
  );
  let current = enrolment;
  if (completed) {
    const course = await findCourse(ctx.db, enrolment.courseId, enrolment.regionId);
    current = await completeIfDone(ctx, enrolment, course);
  }
  return view(ctx, current);
}

export async function claimAward(ctx: Ctx, enrolmentId: string) {
  const enrolment = await ownEnrolment(ctx.db, enrolmentId, ctx.requirePerson(PeopleOnly), ctx.regionId, true);
  if (!enrolment.completedAt) throw NotYetAwardable({ detail: 'The course is not completed yet.' });
  const course = await findCourse(ctx.db, enrolment.courseId, enrolment.regionId);
  const awarded = await awardCompletion(ctx, enrolment, course);
  if (!awarded.awardRecordId) {
    throw NotYetAwardable({ detail: 'Credits are awarded to verified people only: verify your identity first.' });
  }
  return view(ctx, awarded);
}

/** Sets the caller's rating of a course they are enrolled in (`created` on the first one). */
export async function rate(ctx: Ctx, courseId: string, body: RatingBody) {
  const personId = ctx.requirePerson(PeopleOnly);
  const course = await visibleCourse(ctx, courseId);
  await ctx.refuseConflictOfInterest({ action: 'rate this course', ...(await courseOwners(ctx.db, course)) });
  const enrolment = await enrolmentOf(ctx.db, course.id, personId);
  if (!enrolment) throw NotEnrolled({ detail: `You are not enrolled in course ${course.id}.` });
  const now = ctx.now();
  const before = await ratingOf(ctx.db, course.id, personId);
  const row = await upsertRating(ctx.db, {
    courseId: course.id,
    personId,
    enrolmentId: enrolment.id,
    stars: body.stars,
    review: body.review ?? null,
    createdAt: now,
    updatedAt: now,
  });
  return { created: !before, rating: ratingView(row) };
}

/**
 * A course's ratings as others see them: the count always; the average and the reviews (without
 * who wrote them) only from the region's `minCountForAverage` ratings on, so that no rater can be
 * picked out; and the caller's own rating. Unpublished courses are 404 to those who may not see drafts.
 */
export async function ratings(ctx: Ctx, courseId: string) {
  const course = await visibleCourse(ctx, courseId);
  const summary = await ratingSummary(ctx.db, course.id);
  const enough = summary.n >= ctx.config.learning.ratings.minCountForAverage;
  const mine = ctx.principal.kind === 'person' ? await ratingOf(ctx.db, course.id, ctx.principal.id) : null;
  return {
    courseId: course.id,
    count: summary.n,
    average: !enough || summary.average === null ? null : Math.round(summary.average * 100) / 100,
    items: enough ? (await latestRatings(ctx.db, course.id, 100)).map(reviewView) : [],
    mine: mine ? ratingView(mine) : null,
  };
}

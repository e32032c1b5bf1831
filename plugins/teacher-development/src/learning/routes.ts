import { afterIdCursor, toPage, uuidv7 } from '@lifelong/core';
import { and, avg, count, desc, eq } from 'drizzle-orm';
import type { TeacherDevelopmentRegistrar } from '../config.js';
import { personOf } from '../context.js';
import { CourseNotFound, LessonNotFound, NotEnrolled, NotYetAwardable, WrongCourseState } from '../errors.js';
import { EnrolmentPaid } from '../events.js';
import { idKey } from '../pages.js';
import { findCourse } from '../shared/courses.js';
import { inFreeWeek, payForEnrolment, recomputePrice, storedPrice } from '../shared/pricing.js';
import { lessons, teachers } from '../shared/tables.js';
import { awardCompletion, completeIfDone } from './completion.js';
import * as contract from './contract.js';
import { enrolments, lessonProgress, ratings } from './schema.js';
import { enrolmentOf, enrolmentSummary, enrolmentView, ownEnrolment, ratingView } from './store.js';

/** Declares the learning feature: enrolment (free week or paid), lesson progress, completion, ratings. */
export function registerLearning(p: TeacherDevelopmentRegistrar): void {
  p.route(contract.enrol, async ({ params }, ctx) => {
    const personId = personOf(ctx);
    const course = await findCourse(ctx.db, params.courseId, ctx.regionId);
    if (course.liveVersion === null) {
      throw CourseNotFound({ detail: `Course ${course.id} is not published.` });
    }
    const existing = await enrolmentOf(ctx.db, course.id, personId);
    if (existing) return { status: 200, body: await enrolmentView(ctx.db, existing) };
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
    const [row] = await ctx.db
      .insert(enrolments)
      .values({
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
      })
      .onConflictDoNothing()
      .returning();
    if (!row) {
      // A concurrent request of the same learner enrolled first (and paid, if anything): use theirs.
      const winner = await enrolmentOf(ctx.db, course.id, personId);
      if (!winner) throw new Error('enrolment vanished');
      return { status: 200, body: await enrolmentView(ctx.db, winner) };
    }
    if (access !== 'paid' || asset === null) return { status: 201, body: await enrolmentView(ctx.db, row) };

    const [teacher] = await ctx.db.select().from(teachers).where(eq(teachers.id, course.teacherId));
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
    const shares = {
      teacher: String(paid.share.teacher),
      institution: String(paid.share.institution),
      platform: String(paid.share.platform),
    };
    const [recorded] = await ctx.db
      .update(enrolments)
      .set({ transferIds: paid.transferIds, shares, asset: paid.asset })
      .where(eq(enrolments.id, row.id))
      .returning();
    if (!recorded) throw new Error('update returned no row');
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
    return { status: 201, body: await enrolmentView(ctx.db, recorded) };
  });

  p.route(contract.listEnrolments, async ({ query }, ctx) => {
    const limit = query.limit ?? 50;
    const rows = await ctx.db
      .select()
      .from(enrolments)
      .where(
        and(
          eq(enrolments.personId, personOf(ctx)),
          eq(enrolments.regionId, ctx.regionId),
          afterIdCursor(enrolments.id, query.cursor),
        ),
      )
      .orderBy(enrolments.id)
      .limit(limit + 1);
    return { status: 200, body: toPage(rows, limit, idKey, enrolmentSummary) };
  });

  p.route(contract.getEnrolment, async ({ params }, ctx) => {
    const row = await ownEnrolment(ctx.db, params.enrolmentId, personOf(ctx), ctx.regionId);
    return { status: 200, body: await enrolmentView(ctx.db, row) };
  });

  p.route(contract.recordLessonEvent, async ({ params, body }, ctx) => {
    const enrolment = await ownEnrolment(ctx.db, params.enrolmentId, personOf(ctx), ctx.regionId, true);
    const [lesson] = await ctx.db
      .select()
      .from(lessons)
      .where(
        and(
          eq(lessons.id, params.lessonId),
          eq(lessons.courseId, enrolment.courseId),
          eq(lessons.version, enrolment.version),
        ),
      );
    if (!lesson) throw LessonNotFound({ detail: `Lesson ${params.lessonId} is not part of this enrolment's course.` });
    const now = ctx.now();
    const [before] = await ctx.db
      .select()
      .from(lessonProgress)
      .where(and(eq(lessonProgress.enrolmentId, enrolment.id), eq(lessonProgress.lessonId, lesson.id)));
    const completed = body.type === 'completed' || before?.state === 'completed';
    const values = {
      state: completed ? ('completed' as const) : ('started' as const),
      percent: completed ? 100 : Math.max(before?.percent ?? 0, body.percent ?? 0),
      secondsSpent: (before?.secondsSpent ?? 0) + body.secondsSpent,
      lastActivityAt: now,
      completedAt: before?.completedAt ?? (completed ? now : null),
    };
    await ctx.db
      .insert(lessonProgress)
      .values({
        enrolmentId: enrolment.id,
        lessonId: lesson.id,
        courseId: enrolment.courseId,
        position: lesson.position,
        startedAt: now,
        ...values,
      })
      .onConflictDoUpdate({ target: [lessonProgress.enrolmentId, lessonProgress.lessonId], set: values });
    let current = enrolment;
    if (completed) {
      const course = await findCourse(ctx.db, enrolment.courseId, enrolment.regionId);
      current = await completeIfDone(ctx, enrolment, course);
    }
    return { status: 200, body: await enrolmentView(ctx.db, current) };
  });

  p.route(contract.claimAward, async ({ params }, ctx) => {
    const enrolment = await ownEnrolment(ctx.db, params.enrolmentId, personOf(ctx), ctx.regionId, true);
    if (!enrolment.completedAt) throw NotYetAwardable({ detail: 'The course is not completed yet.' });
    const course = await findCourse(ctx.db, enrolment.courseId, enrolment.regionId);
    const awarded = await awardCompletion(ctx, enrolment, course);
    if (!awarded.awardRecordId) {
      throw NotYetAwardable({ detail: 'Credits are awarded to verified people only: verify your identity first.' });
    }
    return { status: 200, body: await enrolmentView(ctx.db, awarded) };
  });

  p.route(contract.rateCourse, async ({ params, body }, ctx) => {
    const personId = personOf(ctx);
    const course = await findCourse(ctx.db, params.courseId, ctx.regionId);
    const enrolment = await enrolmentOf(ctx.db, course.id, personId);
    if (!enrolment) throw NotEnrolled({ detail: `You are not enrolled in course ${course.id}.` });
    const now = ctx.now();
    const [before] = await ctx.db
      .select()
      .from(ratings)
      .where(and(eq(ratings.courseId, course.id), eq(ratings.personId, personId)));
    const values = { stars: body.stars, review: body.review ?? null, updatedAt: now };
    const [row] = await ctx.db
      .insert(ratings)
      .values({ courseId: course.id, personId, enrolmentId: enrolment.id, createdAt: now, ...values })
      .onConflictDoUpdate({ target: [ratings.courseId, ratings.personId], set: values })
      .returning();
    if (!row) throw new Error('upsert returned no row');
    return { status: before ? 200 : 201, body: ratingView(row) };
  });

  p.route(contract.getRatings, async ({ params }, ctx) => {
    const course = await findCourse(ctx.db, params.courseId, ctx.regionId);
    const [summary] = await ctx.db
      .select({ n: count(), average: avg(ratings.stars) })
      .from(ratings)
      .where(eq(ratings.courseId, course.id));
    const rows = await ctx.db
      .select()
      .from(ratings)
      .where(eq(ratings.courseId, course.id))
      .orderBy(desc(ratings.updatedAt))
      .limit(100);
    return {
      status: 200,
      body: {
        courseId: course.id,
        count: summary?.n ?? 0,
        average: summary?.average == null ? null : Math.round(Number(summary.average) * 100) / 100,
        items: rows.map(ratingView),
      },
    };
  });
}

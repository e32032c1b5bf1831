import { afterIdCursor, type Queryable, toPage, uuidv7 } from '@lifelong/core';
import type { Static } from '@sinclair/typebox';
import { and, count, countDistinct, eq, gte, isNotNull, isNull } from 'drizzle-orm';
import type { JobCtx } from '../context.js';
import { CoursePriceChanged } from '../events.js';
import { idKey } from '../pages.js';
import type { CourseRow } from '../shared/tables.js';
import { courses, enrolments, lessonProgress } from '../shared/tables.js';
import { freeUntil, priceFrom, tierFor } from './compute.js';
import type { PricingConfig } from './config.js';
import { coursePrices, type PriceFigures, priceHistory } from './schema.js';

type Pricing = Static<typeof PricingConfig>;
const DAY_MS = 86_400_000;

/** Whether the course is in its free week at `now` (never-published courses are not priced at all). */
export const inFreeWeek = (course: CourseRow, config: Pricing, now: Date) =>
  course.publishedAt !== null && now < freeUntil(course.publishedAt, config);

/** The figures a price is computed from, read now. */
export async function figuresOf(ctx: JobCtx, course: CourseRow, config: Pricing): Promise<PriceFigures> {
  const now = ctx.now();
  const [users] = await ctx.db.select({ n: count() }).from(enrolments).where(eq(enrolments.courseId, course.id));
  const [records] = await ctx.db
    .select({ n: count() })
    .from(lessonProgress)
    .where(eq(lessonProgress.courseId, course.id));
  const since = new Date(now.getTime() - config.activeWindowDays * DAY_MS);
  const [active] = await ctx.db
    .select({ n: countDistinct(lessonProgress.enrolmentId) })
    .from(lessonProgress)
    .where(and(eq(lessonProgress.courseId, course.id), gte(lessonProgress.lastActivityAt, since)));
  const userCount = users?.n ?? 0;
  const tier = tierFor(userCount, config);
  return {
    freeUntil: freeUntil(course.publishedAt ?? now, config).toISOString(),
    users: userCount,
    tierMinUsers: tier?.minUsers ?? null,
    tierPrice: String(tier?.price ?? 0),
    hasLearningRecords: (records?.n ?? 0) > 0,
    activeLearners: active?.n ?? 0,
    activeWindowDays: config.activeWindowDays,
    activityFactorBps: config.activityFactorBps,
  };
}

export async function storedPrice(ctx: JobCtx, courseId: string) {
  const [row] = await ctx.db.select().from(coursePrices).where(eq(coursePrices.courseId, courseId));
  return row ?? null;
}

/**
 * Computes the course's price now and stores it; a change (or the first price) is recorded in the
 * history with its figures and announced. Returns the stored price row.
 */
export async function recomputePrice(ctx: JobCtx, course: CourseRow, reason: 'schedule' | 'on-demand' | 'enrolment') {
  const config = (await ctx.configFor(course.regionId)).pricing;
  const figures = await figuresOf(ctx, course, config);
  const price = priceFrom(figures);
  const previous = await storedPrice(ctx, course.id);
  const now = ctx.now();
  const row = { courseId: course.id, regionId: course.regionId, asset: config.asset, price, figures, computedAt: now };
  if (previous && previous.price === price && previous.asset === config.asset) {
    const [kept] = await ctx.db
      .update(coursePrices)
      .set({ figures, computedAt: now })
      .where(eq(coursePrices.courseId, course.id))
      .returning();
    return kept ?? row;
  }
  await ctx.db
    .insert(coursePrices)
    .values(row)
    .onConflictDoUpdate({
      target: coursePrices.courseId,
      set: { asset: config.asset, price, figures, computedAt: now },
    });
  await ctx.db.insert(priceHistory).values({
    id: uuidv7(),
    courseId: course.id,
    regionId: course.regionId,
    asset: config.asset,
    price,
    previousPrice: previous?.price ?? null,
    reason,
    figures,
    computedAt: now,
  });
  await ctx.emit(
    CoursePriceChanged,
    {
      courseId: course.id,
      regionId: course.regionId,
      asset: config.asset,
      price: String(price),
      previousPrice: previous ? String(previous.price) : null,
    },
    { key: course.id, regionId: course.regionId },
  );
  return row;
}

/** The region's published, not retired courses (the hourly recomputation walks them). */
export async function publishedCoursesOf(db: Queryable, regionId: string) {
  return db
    .select()
    .from(courses)
    .where(and(eq(courses.regionId, regionId), isNotNull(courses.publishedAt), isNull(courses.retiredAt)));
}

/** A page of the course's price changes, oldest first. */
export async function priceHistoryPage(db: Queryable, courseId: string, limit: number, cursor: string | undefined) {
  const rows = await db
    .select()
    .from(priceHistory)
    .where(and(eq(priceHistory.courseId, courseId), afterIdCursor(priceHistory.id, cursor)))
    .orderBy(priceHistory.id)
    .limit(limit + 1);
  return toPage(rows, limit, idKey, (row) => ({
    id: row.id,
    courseId: row.courseId,
    asset: row.asset,
    price: String(row.price),
    previousPrice: row.previousPrice === null ? null : String(row.previousPrice),
    reason: row.reason,
    figures: row.figures,
    computedAt: row.computedAt.toISOString(),
  }));
}

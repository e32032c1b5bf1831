import { creditBankService } from '@lifelong/plugin-credit-bank';
import { type Ctx, iso, type JobCtx } from '../context.js';
import { CourseNotFound, WrongCourseState } from '../errors.js';
import { findCourse, visibleCourse } from '../shared/courses.js';
import { teacherOfPerson } from '../shared/teachers.js';
import { freeUntil } from './compute.js';
import type { PriceHistoryQuery, PriceQuote } from './schemas.js';
import { inFreeWeek, priceHistoryPage, publishedCoursesOf, recomputePrice, storedPrice } from './store.js';

// Pricing's rules: a course is free for its first week, then priced by tier and activity
// (compute.ts); managers recompute on demand, a job does it hourly. Each function runs in the
// request's (or job's) transaction.

/** Recomputes the price of every published course past its free week, region by region. */
export async function recomputeAll(ctx: JobCtx) {
  const now = ctx.now();
  for (const regionId of await ctx.enabledRegions()) {
    const config = (await ctx.configFor(regionId)).pricing;
    for (const course of await publishedCoursesOf(ctx.db, regionId)) {
      if (!inFreeWeek(course, config, now)) await recomputePrice(ctx, course, 'schedule');
    }
  }
}

export async function quote(ctx: Ctx, courseId: string): Promise<PriceQuote> {
  const course = await findCourse(ctx.db, courseId, ctx.regionId);
  const config = ctx.config.pricing;
  if (course.publishedAt === null) throw CourseNotFound({ detail: `Course ${courseId} is not published.` });
  const base = { courseId, freeUntil: freeUntil(course.publishedAt, config).toISOString() };
  if (inFreeWeek(course, config, ctx.now())) {
    return { ...base, phase: 'free-week', asset: config.asset, price: '0', computedAt: null, figures: null };
  }
  const stored = await storedPrice(ctx, courseId);
  return {
    ...base,
    phase: 'priced',
    asset: stored?.asset ?? config.asset,
    price: stored ? String(stored.price) : null,
    computedAt: iso(stored?.computedAt ?? null),
    figures: stored?.figures ?? null,
  };
}

/** Recomputes a published course past its free week now (pricing managers of its region). */
export async function recomputeNow(ctx: Ctx, courseId: string): Promise<PriceQuote> {
  const course = await findCourse(ctx.db, courseId, ctx.regionId, true);
  ctx.require('pricing.manage', { regionId: course.regionId });
  if (course.publishedAt === null || inFreeWeek(course, ctx.config.pricing, ctx.now())) {
    throw WrongCourseState({ detail: 'Only a published course past its free week has a price.' });
  }
  await recomputePrice(ctx, course, 'on-demand');
  return quote(ctx, course.id);
}

/** The course's price changes, for pricing managers and the course's own teacher. */
export async function historyOf(ctx: Ctx, courseId: string, query: PriceHistoryQuery) {
  // An unpublished course is 404 to those who may not see drafts, not a 403 that tells it exists.
  const course = await visibleCourse(ctx, courseId);
  if (!ctx.can('pricing.manage', { regionId: course.regionId })) {
    const teacher =
      ctx.principal.kind === 'person' ? await teacherOfPerson(ctx.db, ctx.principal.id, ctx.regionId) : null;
    if (teacher?.id !== course.teacherId) ctx.require('pricing.manage', { regionId: course.regionId });
  }
  return priceHistoryPage(ctx.db, course.id, query.limit ?? 50, query.cursor);
}

/** The person's wallet in the region's pricing asset: what they can spend (posted minus pending). */
export async function walletOf(ctx: Ctx, personId: string) {
  const asset = ctx.config.pricing.asset;
  const accountId = await ctx
    .service(creditBankService)
    .account({ ownerType: 'person', ownerId: personId, asset, purpose: 'wallet' });
  const account = await ctx.ledger.getAccount(accountId);
  const balance = account ? account.creditsPosted - account.debitsPosted - account.debitsPending : 0n;
  return { accountId, asset, balance: String(balance) };
}

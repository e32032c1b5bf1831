import { afterIdCursor, toPage } from '@lifelong/core';
import { creditBankService } from '@lifelong/plugin-credit-bank';
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { TeacherDevelopmentRegistrar } from '../config.js';
import { type Ctx, iso, type JobCtx, personOf } from '../context.js';
import { CourseNotFound, WrongCourseState } from '../errors.js';
import { idKey } from '../pages.js';
import { findCourse } from '../shared/courses.js';
import { courses } from '../shared/tables.js';
import { teacherOfPerson } from '../shared/teachers.js';
import { freeUntil } from './compute.js';
import * as contract from './contract.js';
import { priceHistory } from './schema.js';
import type { PriceQuote } from './schemas.js';
import { inFreeWeek, recomputePrice, storedPrice } from './store.js';

/** Recomputes the price of every published course past its free week, region by region. */
async function recomputeAll(ctx: JobCtx) {
  const now = ctx.now();
  for (const regionId of await ctx.enabledRegions()) {
    const config = (await ctx.configFor(regionId)).pricing;
    const rows = await ctx.db
      .select()
      .from(courses)
      .where(and(eq(courses.regionId, regionId), isNotNull(courses.publishedAt), isNull(courses.retiredAt)));
    for (const course of rows) {
      if (!inFreeWeek(course, config, now)) await recomputePrice(ctx, course, 'schedule');
    }
  }
}

async function quote(ctx: Ctx, courseId: string): Promise<PriceQuote> {
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

/** Declares the pricing feature: quotes, on-demand and scheduled recomputation, history, wallets. */
export function registerPricing(p: TeacherDevelopmentRegistrar): void {
  p.every('recompute-prices', { intervalMs: 60 * 60 * 1000 }, recomputeAll);

  p.route(contract.getPrice, async ({ params }, ctx) => ({ status: 200, body: await quote(ctx, params.courseId) }));

  p.route(contract.recomputePrice, async ({ params }, ctx) => {
    const course = await findCourse(ctx.db, params.courseId, ctx.regionId, true);
    ctx.require('pricing.manage', { regionId: course.regionId });
    if (course.publishedAt === null || inFreeWeek(course, ctx.config.pricing, ctx.now())) {
      throw WrongCourseState({ detail: 'Only a published course past its free week has a price.' });
    }
    await recomputePrice(ctx, course, 'on-demand');
    return { status: 200, body: await quote(ctx, course.id) };
  });

  p.route(contract.listPriceHistory, async ({ params, query }, ctx) => {
    const course = await findCourse(ctx.db, params.courseId, ctx.regionId);
    if (!ctx.can('pricing.manage', { regionId: course.regionId })) {
      const teacher =
        ctx.principal.kind === 'person' ? await teacherOfPerson(ctx.db, ctx.principal.id, ctx.regionId) : null;
      if (teacher?.id !== course.teacherId) ctx.require('pricing.manage', { regionId: course.regionId });
    }
    const limit = query.limit ?? 50;
    const rows = await ctx.db
      .select()
      .from(priceHistory)
      .where(and(eq(priceHistory.courseId, course.id), afterIdCursor(priceHistory.id, query.cursor)))
      .orderBy(priceHistory.id)
      .limit(limit + 1);
    return {
      status: 200,
      body: toPage(rows, limit, idKey, (row) => ({
        id: row.id,
        courseId: row.courseId,
        asset: row.asset,
        price: String(row.price),
        previousPrice: row.previousPrice === null ? null : String(row.previousPrice),
        reason: row.reason,
        figures: row.figures,
        computedAt: row.computedAt.toISOString(),
      })),
    };
  });

  p.route(contract.getWallet, async (_input, ctx) => {
    const asset = ctx.config.pricing.asset;
    const accountId = await ctx
      .service(creditBankService)
      .account({ ownerType: 'person', ownerId: personOf(ctx), asset, purpose: 'wallet' });
    const account = await ctx.ledger.getAccount(accountId);
    const balance = account ? account.creditsPosted - account.debitsPosted - account.debitsPending : 0n;
    return { status: 200, body: { accountId, asset, balance: String(balance) } };
  });
}

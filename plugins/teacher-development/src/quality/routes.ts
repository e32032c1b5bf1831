import { and, desc, eq } from 'drizzle-orm';
import type { TeacherDevelopmentRegistrar } from '../config.js';
import { personOf } from '../context.js';
import { TeacherNotFound } from '../errors.js';
import { teacherOfPerson } from '../shared/teachers.js';
import * as contract from './contract.js';
import { qualityScores } from './schema.js';
import { qualityOf, qualityView, recomputeQuality } from './store.js';

/** Declares the quality teacher database: scores, suggestions, the database itself. */
export function registerQuality(p: TeacherDevelopmentRegistrar): void {
  p.every('recompute-quality', { intervalMs: 24 * 60 * 60 * 1000 }, async (ctx) => {
    for (const regionId of await ctx.enabledRegions()) await recomputeQuality(ctx, regionId);
  });

  p.route(contract.recomputeQuality, async (_input, ctx) => {
    ctx.require('quality.manage', { regionId: ctx.regionId });
    return { status: 200, body: await recomputeQuality(ctx, ctx.regionId) };
  });

  p.route(contract.getQualityDatabase, async (_input, ctx) => {
    ctx.require('quality.manage', { regionId: ctx.regionId });
    const rows = await ctx.db
      .select()
      .from(qualityScores)
      .where(and(eq(qualityScores.regionId, ctx.regionId), eq(qualityScores.inDatabase, true)))
      .orderBy(desc(qualityScores.scoreBps), qualityScores.teacherId)
      .limit(1000);
    return { status: 200, body: { items: rows.map(qualityView) } };
  });

  p.route(contract.getMyQuality, async (_input, ctx) => {
    const teacher = await teacherOfPerson(ctx.db, personOf(ctx), ctx.regionId);
    const row = teacher ? await qualityOf(ctx.db, teacher.id) : null;
    if (!row) throw TeacherNotFound({ detail: 'You have no quality score in this region yet.' });
    return { status: 200, body: qualityView(row) };
  });
}

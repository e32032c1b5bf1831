import { toPage } from '@lifelong/core';
import type { Ctx } from '../context.js';
import { TeacherNotFound } from '../errors.js';
import { teacherOfPerson } from '../shared/teachers.js';
import { qualityDatabase, qualityOf, qualityView, recomputeQuality } from './store.js';

// The quality database's rules: managers recompute and read it; a teacher reads their own score.

export async function recompute(ctx: Ctx) {
  ctx.require('quality.manage', { regionId: ctx.regionId });
  return recomputeQuality(ctx, ctx.regionId);
}

export async function database(ctx: Ctx, query: { limit?: number | undefined; cursor?: string | undefined }) {
  ctx.require('quality.manage', { regionId: ctx.regionId });
  const limit = query.limit ?? 50;
  const rows = await qualityDatabase(ctx.db, ctx.regionId, { limit, cursor: query.cursor });
  return toPage(rows, limit, (row) => ({ scoreBps: row.scoreBps, teacherId: row.teacherId }), qualityView);
}

/** The person's own score in the request's region (404 before the first recomputation). */
export async function scoreOf(ctx: Ctx, personId: string) {
  const teacher = await teacherOfPerson(ctx.db, personId, ctx.regionId);
  const row = teacher ? await qualityOf(ctx.db, teacher.id) : null;
  if (!row) throw TeacherNotFound({ detail: 'You have no quality score in this region yet.' });
  return qualityView(row);
}

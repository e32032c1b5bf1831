import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { NeedNotFound } from '../errors.js';
import { callerCompany } from './access.js';
import { type NeedRow, needs } from './tables.js';

/** Who may read a need: its company and the region's `needs.read` holders always, anyone signed in once published. */
export async function readableNeed(ctx: Ctx, needId: string): Promise<NeedRow> {
  const need = await needRow(ctx, needId);
  if (
    need &&
    (need.status !== 'draft' || ctx.can('needs.read', { regionId: need.regionId }) || (await isOwner(ctx, need)))
  ) {
    return need;
  }
  throw notFound(ctx, needId);
}

/** The need, when the caller's company owns it (404 otherwise, as for an unknown need). */
export async function ownNeed(ctx: Ctx, needId: string, lock = false): Promise<NeedRow> {
  const need = await needRow(ctx, needId, lock);
  if (!need || !(await isOwner(ctx, need))) throw notFound(ctx, needId);
  return need;
}

/** An open need of the region, for learners (drafts are nobody else's business). */
export async function openNeed(ctx: Ctx, needId: string): Promise<NeedRow> {
  const need = await needRow(ctx, needId);
  if (need?.status !== 'open') throw notFound(ctx, needId);
  return need;
}

/** The need for its company or the region's `needs.read` holders (cohort aggregates). */
export async function overseenNeed(ctx: Ctx, needId: string): Promise<NeedRow> {
  const need = await needRow(ctx, needId);
  if (need && ((await isOwner(ctx, need)) || ctx.can('needs.read', { regionId: need.regionId }))) return need;
  throw notFound(ctx, needId);
}

export async function isOwner(ctx: Ctx, need: NeedRow): Promise<boolean> {
  const company = await callerCompany(ctx);
  return company !== null && company.id === need.institutionId;
}

async function needRow(ctx: Ctx, needId: string, lock = false): Promise<NeedRow | null> {
  const query = ctx.db
    .select()
    .from(needs)
    .where(and(eq(needs.id, needId), eq(needs.regionId, ctx.regionId)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

const notFound = (ctx: Ctx, needId: string) =>
  NeedNotFound({ detail: `No need ${needId} you may see in region "${ctx.regionId}".` });

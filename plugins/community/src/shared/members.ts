import { type Queryable, uuidv7 } from '@lifelong/core';
import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { NotAModerator, Suspended } from '../errors.js';
import { actions, type MemberRow, members } from './schema.js';
import { computeLevel, howToProgress } from './trust.js';

/**
 * The person's standing in the region, made on first use (joining is being seen), its trust level
 * brought up to date (the stored level is what the review queue orders by).
 */
export async function memberOf(db: Queryable, personId: string, regionId: string, now: Date): Promise<MemberRow> {
  await db.insert(members).values({ personId, regionId, joinedAt: now }).onConflictDoNothing();
  const [row] = await db
    .select()
    .from(members)
    .where(and(eq(members.personId, personId), eq(members.regionId, regionId)));
  if (!row) throw new Error('member row vanished');
  const level = computeLevel(row, now);
  if (level === row.trustLevel) return row;
  const [updated] = await db
    .update(members)
    .set({ trustLevel: level })
    .where(and(eq(members.personId, personId), eq(members.regionId, regionId)))
    .returning();
  return updated ?? { ...row, trustLevel: level };
}

/** The caller's standing; a suspended person gets 403 saying until when and why it happened. */
export async function activeMember(ctx: Ctx, personId: string): Promise<MemberRow> {
  const member = await memberOf(ctx.db, personId, ctx.regionId, ctx.now());
  if (member.suspendedUntil && member.suspendedUntil > ctx.now()) {
    throw Suspended({
      detail: `You are suspended from this region's community until ${member.suspendedUntil.toISOString()}; you may still read, and appeal decisions on your posts.`,
      extensions: { suspendedUntil: member.suspendedUntil.toISOString() },
    });
  }
  return member;
}

type Counter = 'postsRead' | 'postsPublished' | 'upheldFlagsAgainst' | 'flagsUpheld' | 'flagsRejected' | 'warnings';

/** Adds `by` (negative: takes away, never below 0) to one of the person's counters in the region. */
export async function bump(db: Queryable, personId: string, regionId: string, counter: Counter, by: number, now: Date) {
  await db.insert(members).values({ personId, regionId, joinedAt: now }).onConflictDoNothing();
  const column = members[counter];
  await db
    .update(members)
    .set({ [counter]: sql`greatest(${column} + ${by}, 0)` })
    .where(and(eq(members.personId, personId), eq(members.regionId, regionId)));
}

/** True for the region's moderators: holders of `community.moderate` there, and appointed moderators. */
export async function isModerator(ctx: Ctx): Promise<boolean> {
  if (ctx.principal.kind !== 'person') return false;
  if (ctx.can('moderate', { regionId: ctx.regionId })) return true;
  const [row] = await ctx.db
    .select({ m: members.isModerator })
    .from(members)
    .where(and(eq(members.personId, ctx.principal.id), eq(members.regionId, ctx.regionId)));
  return row?.m === 1;
}

/** The moderator's person id, or 403 for everyone else. */
export async function requireModerator(ctx: Ctx): Promise<string> {
  if (ctx.principal.kind === 'person' && (await isModerator(ctx))) return ctx.principal.id;
  throw NotAModerator({ detail: `You are not a community moderator of region "${ctx.regionId}".` });
}

/** Writes one entry of the moderation log. */
export async function logAction(
  ctx: Ctx,
  entry: { action: string; reason: string; postId?: string; subjectPersonId?: string; actor?: string | null },
) {
  await ctx.db.insert(actions).values({
    id: uuidv7(),
    regionId: ctx.regionId,
    actorPersonId:
      entry.actor === undefined ? (ctx.principal.kind === 'person' ? ctx.principal.id : null) : entry.actor,
    action: entry.action,
    postId: entry.postId ?? null,
    subjectPersonId: entry.subjectPersonId ?? null,
    reason: entry.reason,
    createdAt: ctx.now(),
  });
}

export { howToProgress };

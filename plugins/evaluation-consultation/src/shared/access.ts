import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { EngagementClosed, EngagementNotFound, EngagementSuspended, NotYourPart } from '../errors.js';
import { type EngagementRow, engagements, members } from './schema.js';

export type Role = 'lead' | 'member' | 'schoolContact' | 'expert';

/** The engagement as the caller may act on it: their roles in it, and whether they manage the region's. */
export interface Access {
  row: EngagementRow;
  roles: ReadonlySet<Role>;
  /** Holds `engagements.manage` in the engagement's region (region admins). */
  admin: boolean;
}

/**
 * The engagement, for a caller who has any part in it (a role, or the region's management); for
 * everyone else, and for engagements of other regions, 404 — the same answer as for an unknown id.
 * `lock` takes the row for update (stage changes, releases).
 */
export async function engagementFor(ctx: Ctx, engagementId: string, lock = false): Promise<Access> {
  const query = ctx.db
    .select()
    .from(engagements)
    .where(and(eq(engagements.id, engagementId), eq(engagements.regionId, ctx.regionId)));
  const [row] = lock ? await query.for('update') : await query;
  const notFound = () =>
    EngagementNotFound({ detail: `No engagement ${engagementId} of yours in region "${ctx.regionId}".` });
  if (!row) throw notFound();
  const admin = ctx.can('engagements.manage', { regionId: row.regionId });
  const roles = new Set<Role>();
  if (ctx.principal.kind === 'person') {
    const mine = await ctx.db
      .select({ role: members.role })
      .from(members)
      .where(and(eq(members.engagementId, row.id), eq(members.personId, ctx.principal.id)));
    for (const m of mine) roles.add(m.role as Role);
  }
  if (!admin && roles.size === 0) throw notFound();
  return { row, roles, admin };
}

const has = (a: Access, roles: readonly Role[]) => roles.some((r) => a.roles.has(r));

/** The project team: its lead and members, and the region's managers. */
export const isTeam = (a: Access) => a.admin || has(a, ['lead', 'member']);
export const isLead = (a: Access) => a.admin || a.roles.has('lead');
export const isSchool = (a: Access) => a.roles.has('schoolContact');
export const isExpert = (a: Access) => a.roles.has('expert');

/** Refuses (403: the caller does see the engagement) unless `allowed(access)`. */
export function requirePart(a: Access, allowed: (a: Access) => boolean, who: string): void {
  if (!allowed(a)) throw NotYourPart({ detail: `Only ${who} may do this.` });
}

/** Refuses changes to a suspended or closed engagement (409). */
export function requireActive(a: Access): void {
  if (a.row.status === 'suspended') {
    throw EngagementSuspended({ detail: `Engagement ${a.row.id} is suspended: resume it first.` });
  }
  if (a.row.status === 'closed') throw EngagementClosed({ detail: `Engagement ${a.row.id} is closed.` });
}

/** The key of the engagement's current stage. */
export const stageKey = (row: EngagementRow): string => row.definition.stages[row.stageIndex]?.key ?? 'closed';

import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { Forbidden } from '../errors/core-errors.js';
import { isAllowed } from '../identity/authorize.js';
import type { IdentityContext } from '../identity/context.js';
import { isMinor } from '../identity/people-service.js';
import type { Principal } from '../identity/principal.js';
import { guardianships, people } from '../identity/schema.js';
import { GroupNotFound } from './errors.js';
import type { GroupRole } from './roles.js';
import { groupMembers, groups } from './schema.js';

export type GroupRow = typeof groups.$inferSelect;

/** The person's role in the group, or null when they are not a member. */
export async function memberRole(db: Queryable, groupId: string, personId: string): Promise<GroupRole | null> {
  const [row] = await db
    .select({ role: groupMembers.role })
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.personId, personId)))
    .limit(1);
  return (row?.role as GroupRole | undefined) ?? null;
}

/**
 * Loads a group, optionally locking its row: every membership change of a group takes this lock,
 * so checks such as "another manager remains" cannot race each other.
 * Callers who could not read the group even if it existed get 403 rather than 404, so ids cannot
 * be probed; holders of `groups.read` somewhere learn that it does not exist.
 */
export async function loadGroup(
  db: Queryable,
  principal: Principal,
  groupId: string,
  options: { lock?: boolean } = {},
): Promise<GroupRow> {
  const query = db.select().from(groups).where(eq(groups.id, groupId)).limit(1);
  const [row] = options.lock ? await query.for('update') : await query;
  if (row) return row;
  if (isAllowed(principal, 'groups.read')) throw GroupNotFound();
  throw Forbidden();
}

/** True when `guardianId` is the guardian of a member who is still a minor. */
export async function guardsMinorMember(
  ctx: IdentityContext,
  db: Queryable,
  guardianId: string,
  groupId: string,
): Promise<boolean> {
  const minors = await db
    .select({ dateOfBirth: people.dateOfBirth })
    .from(guardianships)
    .innerJoin(groupMembers, and(eq(groupMembers.personId, guardianships.minorId), eq(groupMembers.groupId, groupId)))
    .innerJoin(people, eq(people.id, guardianships.minorId))
    .where(eq(guardianships.guardianId, guardianId));
  return minors.some((minor) => isMinor(ctx, minor.dateOfBirth));
}

/** Members, guardians of minor members, and holders of `groups.read` in the group's region. */
export async function canReadGroup(
  ctx: IdentityContext,
  db: Queryable,
  principal: Principal,
  group: GroupRow,
): Promise<boolean> {
  if (isAllowed(principal, 'groups.read', { regionId: group.regionId })) return true;
  if (principal.kind !== 'person') return false;
  if ((await memberRole(db, group.id, principal.id)) !== null) return true;
  return guardsMinorMember(ctx, db, principal.id, group.id);
}

export async function requireReadableGroup(
  ctx: IdentityContext,
  db: Queryable,
  principal: Principal,
  groupId: string,
  options: { lock?: boolean } = {},
): Promise<GroupRow> {
  const group = await loadGroup(db, principal, groupId, options);
  if (!(await canReadGroup(ctx, db, principal, group))) throw Forbidden();
  return group;
}

/** The signed-in person; API keys and anonymous callers get 403 (groups are between people). */
export function personOf(principal: Principal, detail: string): Extract<Principal, { kind: 'person' }> {
  if (principal.kind !== 'person') throw Forbidden({ detail });
  return principal;
}

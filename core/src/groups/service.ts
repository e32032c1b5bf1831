import { and, asc, count, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../audit/record.js';
import { recordAudit } from '../audit/record.js';
import type { Queryable } from '../db/database.js';
import { requestTransaction } from '../db/request-transaction.js';
import { Forbidden, ValidationFailed } from '../errors/core-errors.js';
import { isCursorTimestamp, isUuidKey } from '../http/pagination.js';
import { isAllowed } from '../identity/authorize.js';
import type { IdentityContext } from '../identity/context.js';
import { PersonNotFound, UnknownRegion } from '../identity/errors.js';
import { GroupMemberAdded } from '../identity/events.js';
import {
  assertLearnerNumber,
  canActFor,
  findPerson,
  findPersonById,
  isGuardianOf,
  isMinor,
} from '../identity/people-service.js';
import { isTombstone, people } from '../identity/schema.js';
import { uuidv7 } from '../ids/uuidv7.js';
import { regions } from '../regions/schema.js';
import { type GroupRow, memberRole, personOf, requireReadableGroup } from './access.js';
import { GroupMemberNotFound, LastManager, MinorCannotCreateGroup } from './errors.js';
import { revokePendingOf } from './invitations.js';
import { GROUP_ROLE_RULES, type GroupRole, type GroupType, isManager, manages } from './roles.js';
import { groupMembers, groups } from './schema.js';
import type { CreateGroupBody, GroupView } from './schemas.js';

export type { GroupRow } from './access.js';
export { memberRole } from './access.js';

export interface Membership {
  id: string;
  type: GroupType;
  name: string;
  regionId: string;
  role: GroupRole;
  joinedAt: Date;
}

/**
 * The groups a person belongs to, oldest first, optionally of one type. For plugins (family
 * transfers, group pools): no authorization here, the caller decides who may ask.
 */
export async function groupsOf(
  db: Queryable,
  personId: string,
  options: { type?: GroupType } = {},
): Promise<Membership[]> {
  const rows = await db
    .select({
      id: groups.id,
      type: groups.type,
      name: groups.name,
      regionId: groups.regionId,
      role: groupMembers.role,
      joinedAt: groupMembers.joinedAt,
    })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .where(and(eq(groupMembers.personId, personId), options.type ? eq(groups.type, options.type) : undefined))
    .orderBy(asc(groups.id));
  return rows.map((row) => ({ ...row, role: row.role as GroupRole }));
}

async function memberCounts(db: Queryable, groupIds: string[]): Promise<Map<string, number>> {
  if (groupIds.length === 0) return new Map();
  const rows = await db
    .select({ groupId: groupMembers.groupId, n: count() })
    .from(groupMembers)
    .where(inArray(groupMembers.groupId, groupIds))
    .groupBy(groupMembers.groupId);
  return new Map(rows.map((row) => [row.groupId, Number(row.n)]));
}

async function rolesOf(db: Queryable, personId: string, groupIds: string[]): Promise<Map<string, GroupRole>> {
  if (groupIds.length === 0) return new Map();
  const rows = await db
    .select({ groupId: groupMembers.groupId, role: groupMembers.role })
    .from(groupMembers)
    .where(and(eq(groupMembers.personId, personId), inArray(groupMembers.groupId, groupIds)));
  return new Map(rows.map((row) => [row.groupId, row.role as GroupRole]));
}

function toGroupView(row: GroupRow, memberCount: number, myRole: GroupRole | null): GroupView {
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    regionId: row.regionId,
    createdAt: row.createdAt.toISOString(),
    memberCount,
    myRole,
  };
}

/** Views of `rows` as `callerId` sees them (their own role in each). */
async function toGroupViews(db: Queryable, rows: GroupRow[], callerId: string | null): Promise<GroupView[]> {
  const ids = rows.map((row) => row.id);
  const counts = await memberCounts(db, ids);
  const mine = callerId ? await rolesOf(db, callerId, ids) : new Map<string, GroupRole>();
  return rows.map((row) => toGroupView(row, counts.get(row.id) ?? 0, mine.get(row.id) ?? null));
}

/**
 * A signed-in adult creates a group in the request's region and joins it with a managing role.
 * Minors cannot: a group of minors would have nobody able to give consent.
 */
export async function createGroup(
  ctx: IdentityContext,
  actor: Actor,
  body: CreateGroupBody,
  regionId: string,
): Promise<GroupView> {
  const principal = personOf(actor.principal, 'Groups are created by people; API keys cannot create them.');
  const role: GroupRole = body.creatorRole ?? GROUP_ROLE_RULES[body.type].creatorDefault;
  const errors = [];
  if (!isManager(body.type, role)) {
    errors.push({
      path: '/body/creatorRole',
      rule: 'managingRole',
      message: `Not a managing role of a ${body.type} group (${GROUP_ROLE_RULES[body.type].managers.join(', ')})`,
    });
  }
  if (body.name.trim() !== body.name) {
    errors.push({ path: '/body/name', rule: 'trimmed', message: 'Must not start or end with spaces' });
  }
  if (errors.length > 0) throw ValidationFailed({ errors });
  const creator = await findPersonById(ctx.db, principal.id);
  if (!creator || isMinor(ctx, creator.dateOfBirth)) throw MinorCannotCreateGroup();

  return requestTransaction(ctx.db, async (tx) => {
    const [region] = await tx.select({ id: regions.id }).from(regions).where(eq(regions.id, regionId)).limit(1);
    if (!region) throw UnknownRegion({ detail: `Region "${regionId}" does not exist.` });
    const now = ctx.now();
    const [group] = await tx
      .insert(groups)
      .values({ id: uuidv7(), type: body.type, name: body.name, regionId, createdBy: principal.id, createdAt: now })
      .returning();
    if (!group) throw new Error('unreachable: insert returned no row');
    await tx.insert(groupMembers).values({ groupId: group.id, personId: principal.id, role, joinedAt: now });
    const audit = { subjectType: 'group', subjectId: group.id, regionId };
    await recordAudit(tx, actor, { ...audit, action: 'group.created', details: { type: body.type } });
    await recordAudit(tx, actor, {
      ...audit,
      action: 'group.member.added',
      details: { personId: principal.id, role, via: 'creation' },
    });
    await ctx.emit(
      tx,
      GroupMemberAdded,
      { groupId: group.id, personId: principal.id, role, regionId },
      { key: group.id, regionId },
    );
    return toGroupView(group, 1, role);
  });
}

// Cursor keys reach SQL as uuid parameters: anything else would be a database error (500), not a 400.
export const isIdCursor = isUuidKey;

/**
 * The caller's groups, or (with `member`) another person's: allowed for the person, their
 * guardians and holders of `groups.read` in the person's region.
 */
export async function listGroups(
  ctx: IdentityContext,
  actor: Actor,
  query: { type?: GroupType | undefined; member?: string | undefined },
  page: { limit: number; after?: string | undefined },
): Promise<GroupView[]> {
  const { principal } = actor;
  let subjectId: string;
  if (query.member !== undefined) {
    assertLearnerNumber(query.member, '/query/member');
    const person = await findPerson(ctx.db, query.member);
    if (!person || isTombstone(person.status)) {
      if (isAllowed(principal, 'groups.read')) throw PersonNotFound();
      throw Forbidden();
    }
    if (!(await canActFor(ctx, ctx.db, actor, person, 'groups.read'))) throw Forbidden();
    subjectId = person.id;
  } else {
    subjectId = personOf(principal, 'API keys belong to no groups; name a member with ?member=.').id;
  }
  const rows = await ctx.db
    .select({ group: groups })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .where(
      and(
        eq(groupMembers.personId, subjectId),
        query.type ? eq(groups.type, query.type) : undefined,
        page.after ? gt(groups.id, page.after) : undefined,
      ),
    )
    .orderBy(asc(groups.id))
    .limit(page.limit + 1);
  return toGroupViews(
    ctx.db,
    rows.map((row) => row.group),
    principal.kind === 'person' ? principal.id : null,
  );
}

export async function readGroup(ctx: IdentityContext, actor: Actor, groupId: string): Promise<GroupView> {
  const group = await requireReadableGroup(ctx, ctx.db, actor.principal, groupId);
  const [view] = await toGroupViews(ctx.db, [group], actor.principal.kind === 'person' ? actor.principal.id : null);
  return view as GroupView;
}

export interface MemberCursor {
  at: string;
  id: string;
}

export const isMemberCursor = (key: unknown): key is MemberCursor =>
  isIdCursor(key) && isCursorTimestamp((key as { at?: unknown }).at);

/**
 * Members in joining order. Only learner numbers and roles: names and other personal data stay
 * with the people themselves. Joining times are compared at millisecond precision, which is what
 * a cursor can carry.
 */
export async function listMembers(
  ctx: IdentityContext,
  actor: Actor,
  groupId: string,
  page: { limit: number; after?: MemberCursor | undefined },
) {
  await requireReadableGroup(ctx, ctx.db, actor.principal, groupId);
  const joinedMs = sql`date_trunc('milliseconds', ${groupMembers.joinedAt})`;
  return ctx.db
    .select({
      personId: groupMembers.personId,
      learnerNumber: people.learnerNumber,
      role: groupMembers.role,
      joinedAt: groupMembers.joinedAt,
    })
    .from(groupMembers)
    .innerJoin(people, eq(people.id, groupMembers.personId))
    .where(
      and(
        eq(groupMembers.groupId, groupId),
        page.after
          ? sql`(${joinedMs}, ${groupMembers.personId}) > (${new Date(page.after.at).toISOString()}::timestamptz, ${page.after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(joinedMs, asc(groupMembers.personId))
    .limit(page.limit + 1);
}

/**
 * Leaving (the member, or a guardian for a minor) or removal (a manager; a teacher removes only
 * students). The last manager stays while others remain, so a group is never left unmanaged;
 * when the last member leaves, the group's pending invitations are revoked with it.
 */
export async function removeMember(
  ctx: IdentityContext,
  actor: Actor,
  groupId: string,
  learnerNumber: string,
): Promise<void> {
  assertLearnerNumber(learnerNumber);
  await requestTransaction(ctx.db, async (tx) => {
    const group = await requireReadableGroup(ctx, tx, actor.principal, groupId, { lock: true });
    const principal = personOf(actor.principal, 'Only members, guardians and managers change memberships.');
    const target = await findPerson(tx, learnerNumber);
    const targetRole = target ? await memberRole(tx, group.id, target.id) : null;
    if (!target || targetRole === null) throw GroupMemberNotFound();

    const self = target.id === principal.id;
    const guardian =
      !self && isMinor(ctx, target.dateOfBirth) && (await isGuardianOf(ctx, tx, principal.id, target.id));
    const manager = !self && manages(group.type, await memberRole(tx, group.id, principal.id), targetRole);
    if (!self && !guardian && !manager) throw Forbidden({ detail: 'You may not remove this member.' });

    const members = await tx
      .select({ personId: groupMembers.personId, role: groupMembers.role })
      .from(groupMembers)
      .where(eq(groupMembers.groupId, group.id));
    const others = members.filter((m) => m.personId !== target.id);
    if (isManager(group.type, targetRole) && others.length > 0 && !others.some((m) => isManager(group.type, m.role))) {
      throw LastManager();
    }

    await tx.delete(groupMembers).where(and(eq(groupMembers.groupId, group.id), eq(groupMembers.personId, target.id)));
    await recordAudit(tx, actor, {
      action: 'group.member.removed',
      subjectType: 'group',
      subjectId: group.id,
      regionId: group.regionId,
      details: { personId: target.id, role: targetRole, reason: self || guardian ? 'left' : 'removed' },
    });
    if (others.length === 0) await revokePendingOf(ctx, tx, actor, group, 'group-empty');
  });
}

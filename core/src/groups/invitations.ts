import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { Actor } from '../audit/record.js';
import { recordAudit } from '../audit/record.js';
import type { Queryable } from '../db/database.js';
import { requestTransaction } from '../db/request-transaction.js';
import { Forbidden, ValidationFailed } from '../errors/core-errors.js';
import type { IdentityContext } from '../identity/context.js';
import { GroupMemberAdded } from '../identity/events.js';
import { assertLearnerNumber, isGuardianOf, isMinor, requireActivePerson } from '../identity/people-service.js';
import { guardianships, people } from '../identity/schema.js';
import { uuidv7 } from '../ids/uuidv7.js';
import { type GroupRow, loadGroup, memberRole, personOf } from './access.js';
import {
  AlreadyMember,
  GuardianConsentRequired,
  InvitationNotFound,
  InvitationNotPending,
  InvitationPending,
} from './errors.js';
import { GROUP_ROLE_RULES, type GroupRole, isRoleOf, manages, managesAnything } from './roles.js';
import { groupInvitations, groupMembers, groups } from './schema.js';
import type { InvitationBody, InvitationView } from './schemas.js';

/** Long enough for a family to talk it over, short enough that stale invitations lapse. */
export const INVITATION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

type InvitationRow = typeof groupInvitations.$inferSelect;

const invitationColumns = {
  invitation: groupInvitations,
  groupType: groups.type,
  groupName: groups.name,
  regionId: groups.regionId,
  learnerNumber: people.learnerNumber,
  inviteeDateOfBirth: people.dateOfBirth,
};

function invitationQuery(db: Queryable) {
  return db
    .select(invitationColumns)
    .from(groupInvitations)
    .innerJoin(groups, eq(groups.id, groupInvitations.groupId))
    .innerJoin(people, eq(people.id, groupInvitations.inviteeId));
}

type InvitationRecord = Awaited<ReturnType<ReturnType<typeof invitationQuery>['limit']>>[number];

function toInvitationView(ctx: IdentityContext, record: InvitationRecord): InvitationView {
  const { invitation } = record;
  const expired = invitation.status === 'pending' && invitation.expiresAt <= ctx.now();
  return {
    id: invitation.id,
    groupId: invitation.groupId,
    groupType: record.groupType,
    groupName: record.groupName,
    learnerNumber: record.learnerNumber,
    role: invitation.role as GroupRole,
    status: expired ? 'expired' : invitation.status,
    expiresAt: invitation.expiresAt.toISOString(),
    createdAt: invitation.createdAt.toISOString(),
  };
}

async function readInvitation(db: Queryable, invitationId: string): Promise<InvitationRecord | undefined> {
  const [record] = await invitationQuery(db).where(eq(groupInvitations.id, invitationId)).limit(1);
  return record;
}

/**
 * A manager invites a person with a role of the group's type (a teacher: students only). A
 * pending invitation of the same person with the same role is returned as is (`created: false`),
 * so retries are harmless; with another role it is a 409: revoke it first.
 */
export async function createInvitation(
  ctx: IdentityContext,
  actor: Actor,
  groupId: string,
  body: InvitationBody,
): Promise<{ view: InvitationView; created: boolean }> {
  return requestTransaction(ctx.db, async (tx) => {
    const group = await loadGroup(tx, actor.principal, groupId, { lock: true });
    const principal = personOf(actor.principal, 'Invitations come from managing members of the group.');
    const callerRole = await memberRole(tx, group.id, principal.id);
    if (!managesAnything(group.type, callerRole)) throw Forbidden({ detail: 'Only managing members invite.' });
    assertLearnerNumber(body.learnerNumber, '/body/learnerNumber');
    if (!isRoleOf(group.type, body.role)) {
      throw ValidationFailed({
        errors: [
          {
            path: '/body/role',
            rule: 'groupRole',
            message: `Not a role of a ${group.type} group (${GROUP_ROLE_RULES[group.type].roles.join(', ')})`,
          },
        ],
      });
    }
    if (!manages(group.type, callerRole, body.role)) {
      throw Forbidden({ detail: `A ${callerRole} may not invite a ${body.role}.` });
    }
    const invitee = await requireActivePerson(tx, body.learnerNumber);
    if ((await memberRole(tx, group.id, invitee.id)) !== null) throw AlreadyMember();

    const now = ctx.now();
    const [pending] = await invitationQuery(tx)
      .where(
        and(
          eq(groupInvitations.groupId, group.id),
          eq(groupInvitations.inviteeId, invitee.id),
          eq(groupInvitations.status, 'pending'),
          gt(groupInvitations.expiresAt, now),
        ),
      )
      .limit(1);
    if (pending) {
      if (pending.invitation.role !== body.role) throw InvitationPending();
      return { view: toInvitationView(ctx, pending), created: false };
    }

    const [invitation] = await tx
      .insert(groupInvitations)
      .values({
        id: uuidv7(),
        groupId: group.id,
        inviteeId: invitee.id,
        role: body.role,
        invitedBy: principal.id,
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS),
      })
      .returning();
    if (!invitation) throw new Error('unreachable: insert returned no row');
    await recordAudit(tx, actor, {
      action: 'group.invitation.created',
      subjectType: 'group',
      subjectId: group.id,
      regionId: group.regionId,
      details: { invitationId: invitation.id, inviteeId: invitee.id, role: body.role },
    });
    const record = { ...invitationColumnsOf(group, invitee), invitation };
    return { view: toInvitationView(ctx, record), created: true };
  });
}

function invitationColumnsOf(group: GroupRow, invitee: { learnerNumber: string; dateOfBirth: string | null }) {
  return {
    groupType: group.type,
    groupName: group.name,
    regionId: group.regionId,
    learnerNumber: invitee.learnerNumber,
    inviteeDateOfBirth: invitee.dateOfBirth,
  };
}

/** Pending invitations of the caller and of the minors they are guardian of, oldest first. */
export async function listInvitations(
  ctx: IdentityContext,
  actor: Actor,
  page: { limit: number; after?: string | undefined },
): Promise<InvitationView[]> {
  const principal = personOf(actor.principal, 'Invitations are addressed to people.');
  const wards = await ctx.db
    .select({ id: people.id, dateOfBirth: people.dateOfBirth })
    .from(guardianships)
    .innerJoin(people, eq(people.id, guardianships.minorId))
    .where(eq(guardianships.guardianId, principal.id));
  const invitees = [principal.id, ...wards.filter((w) => isMinor(ctx, w.dateOfBirth)).map((w) => w.id)];
  const records = await invitationQuery(ctx.db)
    .where(
      and(
        inArray(groupInvitations.inviteeId, invitees),
        eq(groupInvitations.status, 'pending'),
        gt(groupInvitations.expiresAt, ctx.now()),
        page.after ? gt(groupInvitations.id, page.after) : undefined,
      ),
    )
    .orderBy(asc(groupInvitations.id))
    .limit(page.limit + 1);
  return records.map((record) => toInvitationView(ctx, record));
}

/** Sets a pending, unexpired invitation's status; no row back means someone else got there first. */
async function settle(
  ctx: IdentityContext,
  tx: Queryable,
  invitationId: string,
  status: 'accepted' | 'declined' | 'revoked',
  respondedBy: string,
): Promise<InvitationRow> {
  const now = ctx.now();
  const [row] = await tx
    .update(groupInvitations)
    .set({ status, respondedAt: now, respondedBy })
    .where(
      and(
        eq(groupInvitations.id, invitationId),
        eq(groupInvitations.status, 'pending'),
        gt(groupInvitations.expiresAt, now),
      ),
    )
    .returning();
  if (!row) throw InvitationNotPending();
  return row;
}

/**
 * The invitee answers, or a guardian answers for a minor. A minor may decline alone but not
 * accept: joining needs a guardian's consent. Acceptance and membership commit together, and a
 * second accept finds the invitation no longer pending.
 */
export async function respondToInvitation(
  ctx: IdentityContext,
  actor: Actor,
  invitationId: string,
  answer: 'accept' | 'decline',
): Promise<InvitationView> {
  const record = await readInvitation(ctx.db, invitationId);
  if (!record) throw InvitationNotFound();
  const principal = personOf(actor.principal, 'Only the invitee or their guardian answers an invitation.');
  const { invitation } = record;
  const minor = isMinor(ctx, record.inviteeDateOfBirth);
  const self = principal.id === invitation.inviteeId;
  const guardian = !self && minor && (await isGuardianOf(ctx, ctx.db, principal.id, invitation.inviteeId));
  if (!self && !guardian) throw Forbidden({ detail: 'Only the invitee or their guardian answers an invitation.' });
  if (answer === 'accept' && self && minor) throw GuardianConsentRequired();

  return requestTransaction(ctx.db, async (tx) => {
    // The group lock orders this accept against removals that check who remains.
    await tx.select({ id: groups.id }).from(groups).where(eq(groups.id, invitation.groupId)).for('update');
    const settled = await settle(ctx, tx, invitation.id, answer === 'accept' ? 'accepted' : 'declined', principal.id);
    const audit = { subjectType: 'group', subjectId: invitation.groupId, regionId: record.regionId };
    if (answer === 'decline') {
      await recordAudit(tx, actor, {
        ...audit,
        action: 'group.invitation.declined',
        details: { invitationId: invitation.id, inviteeId: invitation.inviteeId },
      });
    } else {
      const added = await tx
        .insert(groupMembers)
        .values({
          groupId: invitation.groupId,
          personId: invitation.inviteeId,
          role: invitation.role,
          joinedAt: ctx.now(),
        })
        .onConflictDoNothing()
        .returning();
      if (added.length > 0) {
        await recordAudit(tx, actor, {
          ...audit,
          action: 'group.member.added',
          details: {
            personId: invitation.inviteeId,
            role: invitation.role,
            invitationId: invitation.id,
            consentBy: principal.id,
          },
        });
        await ctx.emit(
          tx,
          GroupMemberAdded,
          {
            groupId: invitation.groupId,
            personId: invitation.inviteeId,
            role: invitation.role,
            regionId: audit.regionId,
          },
          { key: invitation.groupId, regionId: audit.regionId },
        );
      }
    }
    return toInvitationView(ctx, { ...record, invitation: settled });
  });
}

/** A manager withdraws a pending invitation (a teacher: invitations of students only). */
export async function revokeInvitation(
  ctx: IdentityContext,
  actor: Actor,
  groupId: string,
  invitationId: string,
): Promise<void> {
  await requestTransaction(ctx.db, async (tx) => {
    const group = await loadGroup(tx, actor.principal, groupId, { lock: true });
    const principal = personOf(actor.principal, 'Invitations are revoked by managing members of the group.');
    const callerRole = await memberRole(tx, group.id, principal.id);
    if (!managesAnything(group.type, callerRole))
      throw Forbidden({ detail: 'Only managing members revoke invitations.' });
    const [invitation] = await tx
      .select()
      .from(groupInvitations)
      .where(and(eq(groupInvitations.id, invitationId), eq(groupInvitations.groupId, group.id)))
      .limit(1);
    if (!invitation) throw InvitationNotFound();
    if (!manages(group.type, callerRole, invitation.role)) {
      throw Forbidden({ detail: `A ${callerRole} may not revoke an invitation as ${invitation.role}.` });
    }
    await settle(ctx, tx, invitation.id, 'revoked', principal.id);
    await recordAudit(tx, actor, {
      action: 'group.invitation.revoked',
      subjectType: 'group',
      subjectId: group.id,
      regionId: group.regionId,
      details: { invitationId: invitation.id, inviteeId: invitation.inviteeId },
    });
  });
}

/** Revokes every pending invitation of a group (when its last member has left), audited one by one. */
export async function revokePendingOf(
  ctx: IdentityContext,
  tx: Queryable,
  actor: Actor,
  group: GroupRow,
  reason: string,
): Promise<void> {
  const revoked = await tx
    .update(groupInvitations)
    .set({ status: 'revoked', respondedAt: ctx.now() })
    .where(and(eq(groupInvitations.groupId, group.id), eq(groupInvitations.status, 'pending')))
    .returning({ id: groupInvitations.id, inviteeId: groupInvitations.inviteeId });
  for (const invitation of revoked) {
    await recordAudit(tx, actor, {
      action: 'group.invitation.revoked',
      subjectType: 'group',
      subjectId: group.id,
      regionId: group.regionId,
      details: { invitationId: invitation.id, inviteeId: invitation.inviteeId, reason },
    });
  }
}

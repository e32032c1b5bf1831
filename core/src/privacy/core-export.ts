import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import { auditLog } from '../audit/schema.js';
import type { Queryable } from '../db/database.js';
import { groupInvitations, groupMembers, groups } from '../groups/schema.js';
import type { PersonRow } from '../identity/people-service.js';
import {
  contacts,
  guardianships,
  people,
  recoveryCodes,
  roleGrants,
  sessions,
  twoFactorSecrets,
} from '../identity/schema.js';
import { ledgerAccounts, ledgerEntries, ledgerTransfers } from '../ledger/schema.js';
import type { NotificationLocale } from '../notifications/notification-ref.js';
import { notificationView } from '../notifications/notifier.js';
import type { NotificationRegistry } from '../notifications/registry.js';
import { notifications } from '../notifications/schema.js';
import { erasureRequests } from './schema.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Everything the core holds about a person, for their data export. Secrets (password hashes,
 * token hashes, TOTP secrets, code hashes) are left out: they are not information about the
 * person, and a copy of them is a way in. The national ID and contact values stay masked: the
 * person knows them, and an archive downloaded to a shared computer must not spread them.
 */
export async function corePersonalData(
  db: Queryable,
  registry: NotificationRegistry,
  person: PersonRow,
  locale: NotificationLocale,
) {
  const personId = person.id;
  const guardianLinks = await db
    .select({
      minorId: guardianships.minorId,
      guardianId: guardianships.guardianId,
      createdAt: guardianships.createdAt,
      learnerNumber: people.learnerNumber,
    })
    .from(guardianships)
    .innerJoin(
      people,
      or(
        and(eq(guardianships.minorId, personId), eq(people.id, guardianships.guardianId)),
        and(eq(guardianships.guardianId, personId), eq(people.id, guardianships.minorId)),
      ),
    )
    .where(or(eq(guardianships.minorId, personId), eq(guardianships.guardianId, personId)));
  const twoFactor = await db.select().from(twoFactorSecrets).where(eq(twoFactorSecrets.personId, personId));
  const unusedRecovery = await db
    .select({ usedAt: recoveryCodes.usedAt })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.personId, personId), isNull(recoveryCodes.usedAt)));
  const accounts = await db
    .select()
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.ownerType, 'person'), eq(ledgerAccounts.ownerId, personId)))
    .orderBy(asc(ledgerAccounts.createdAt));
  const accountIds = accounts.map((a) => a.id);
  const entries =
    accountIds.length === 0
      ? []
      : await db
          .select({
            accountId: ledgerEntries.accountId,
            version: ledgerEntries.version,
            transferId: ledgerEntries.transferId,
            kind: ledgerEntries.kind,
            side: ledgerEntries.side,
            postedDelta: ledgerEntries.postedDelta,
            pendingDelta: ledgerEntries.pendingDelta,
            createdAt: ledgerEntries.createdAt,
            code: ledgerTransfers.code,
            metadata: ledgerTransfers.metadata,
          })
          .from(ledgerEntries)
          .innerJoin(ledgerTransfers, eq(ledgerTransfers.id, ledgerEntries.transferId))
          .where(inArray(ledgerEntries.accountId, accountIds))
          .orderBy(asc(ledgerEntries.accountId), asc(ledgerEntries.version));
  const memberships = await db
    .select({
      groupId: groupMembers.groupId,
      name: groups.name,
      type: groups.type,
      role: groupMembers.role,
      joinedAt: groupMembers.joinedAt,
    })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .where(eq(groupMembers.personId, personId));
  const invitations = await db
    .select({
      id: groupInvitations.id,
      groupId: groupInvitations.groupId,
      role: groupInvitations.role,
      status: groupInvitations.status,
      createdAt: groupInvitations.createdAt,
    })
    .from(groupInvitations)
    .where(eq(groupInvitations.inviteeId, personId));
  const inbox = await db
    .select()
    .from(notifications)
    .where(eq(notifications.personId, personId))
    .orderBy(asc(notifications.id));
  const audit = await db
    .select()
    .from(auditLog)
    .where(
      or(eq(auditLog.actorId, personId), and(eq(auditLog.subjectType, 'person'), eq(auditLog.subjectId, personId))),
    )
    .orderBy(asc(auditLog.id));
  const requests = await db
    .select()
    .from(erasureRequests)
    .where(eq(erasureRequests.personId, personId))
    .orderBy(asc(erasureRequests.id));

  return {
    person: {
      learnerNumber: person.learnerNumber,
      legalName: person.legalName,
      displayName: person.displayName,
      dateOfBirth: person.dateOfBirth,
      nationalId: { scheme: person.nationalIdScheme, masked: person.nationalIdMasked },
      status: person.status,
      regionId: person.regionId,
      createdAt: iso(person.createdAt),
      verifiedAt: iso(person.verifiedAt),
    },
    contacts: (await db.select().from(contacts).where(eq(contacts.personId, personId))).map((c) => ({
      kind: c.kind,
      masked: c.masked,
      verifiedAt: iso(c.verifiedAt),
      pending: c.pendingMasked,
    })),
    guardians: guardianLinks
      .filter((g) => g.minorId === personId)
      .map((g) => ({ learnerNumber: g.learnerNumber, since: iso(g.createdAt) })),
    wards: guardianLinks
      .filter((g) => g.guardianId === personId)
      .map((g) => ({ learnerNumber: g.learnerNumber, since: iso(g.createdAt) })),
    roles: (await db.select().from(roleGrants).where(eq(roleGrants.personId, personId))).map((g) => ({
      role: g.role,
      scopeType: g.scopeType,
      scopeId: g.scopeId,
      grantedAt: iso(g.createdAt),
      revokedAt: iso(g.revokedAt),
    })),
    sessions: (await db.select().from(sessions).where(eq(sessions.personId, personId))).map((s) => ({
      id: s.id,
      createdAt: iso(s.createdAt),
      expiresAt: iso(s.expiresAt),
      revokedAt: iso(s.revokedAt),
    })),
    twoFactor: {
      enabled: twoFactor.some((t) => t.confirmedAt !== null),
      since: iso(twoFactor[0]?.confirmedAt ?? null),
      recoveryCodesLeft: unusedRecovery.length,
    },
    groups: memberships.map((m) => ({ ...m, joinedAt: iso(m.joinedAt) })),
    groupInvitations: invitations.map((i) => ({ ...i, createdAt: iso(i.createdAt) })),
    notifications: inbox.map((row) => notificationView(registry, row, locale)),
    ledger: {
      accounts: accounts.map((a) => ({
        id: a.id,
        asset: a.asset,
        purpose: a.purpose,
        openedBy: a.openedBy,
        closed: a.closed,
        creditsPosted: a.creditsPosted.toString(),
        debitsPosted: a.debitsPosted.toString(),
        creditsPending: a.creditsPending.toString(),
        debitsPending: a.debitsPending.toString(),
        createdAt: iso(a.createdAt),
      })),
      entries: entries.map((e) => ({
        ...e,
        postedDelta: e.postedDelta.toString(),
        pendingDelta: e.pendingDelta.toString(),
        createdAt: iso(e.createdAt),
      })),
    },
    audit: audit.map((a) => ({
      at: iso(a.at),
      action: a.action,
      byThisPerson: a.actorId === personId,
      actorType: a.actorType,
      subjectType: a.subjectType,
      subjectId: a.subjectId,
      details: a.details,
    })),
    erasureRequests: requests.map((r) => ({
      id: r.id,
      status: r.status,
      reason: r.reason,
      requestedAt: iso(r.requestedAt),
      decidedAt: iso(r.decidedAt),
      decisionReason: r.decisionReason,
    })),
  };
}

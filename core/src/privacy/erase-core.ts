import { and, eq, isNull, or } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { groupInvitations, groupMembers } from '../groups/schema.js';
import {
  contacts,
  guardianships,
  passwordResets,
  passwords,
  people,
  recoveryCodes,
  roleGrants,
  sessions,
  twoFactorSecrets,
} from '../identity/schema.js';
import { notifications } from '../notifications/schema.js';

const counted = async (rows: Promise<unknown[]>) => (await rows).length;

/**
 * Erases a person from the core, in the caller's transaction (docs/privacy.md). The row stays as a
 * tombstone (id, learner number, region, status `erased`) because the ledger, the audit log and
 * other people's records point at it; everything that names or reaches the person goes: names,
 * date of birth, national ID, contacts, password, second factor, sessions, inbox, guardianships,
 * memberships and roles. Duplicates merged into the person are erased with them.
 */
export async function eraseFromCore(db: Queryable, personId: string, now: Date): Promise<Record<string, number>> {
  const tombstoned = await counted(
    db
      .update(people)
      .set({
        legalName: '',
        displayName: null,
        dateOfBirth: null,
        nationalIdHmac: null,
        nationalIdCiphertext: null,
        nationalIdKeyId: null,
        nationalIdMasked: null,
        status: 'erased',
        erasedAt: now,
      })
      .where(or(eq(people.id, personId), eq(people.mergedInto, personId)))
      .returning({ id: people.id }),
  );
  return {
    people: tombstoned,
    passwords: await counted(db.delete(passwords).where(eq(passwords.personId, personId)).returning()),
    contacts: await counted(db.delete(contacts).where(eq(contacts.personId, personId)).returning()),
    passwordResets: await counted(db.delete(passwordResets).where(eq(passwordResets.personId, personId)).returning()),
    twoFactor: await counted(db.delete(twoFactorSecrets).where(eq(twoFactorSecrets.personId, personId)).returning()),
    recoveryCodes: await counted(db.delete(recoveryCodes).where(eq(recoveryCodes.personId, personId)).returning()),
    sessionsEnded: await counted(
      db
        .update(sessions)
        .set({ revokedAt: now })
        .where(and(eq(sessions.personId, personId), isNull(sessions.revokedAt)))
        .returning({ id: sessions.id }),
    ),
    notifications: await counted(
      db.delete(notifications).where(eq(notifications.personId, personId)).returning({ id: notifications.id }),
    ),
    guardianships: await counted(
      db
        .delete(guardianships)
        .where(or(eq(guardianships.minorId, personId), eq(guardianships.guardianId, personId)))
        .returning(),
    ),
    groupMemberships: await counted(db.delete(groupMembers).where(eq(groupMembers.personId, personId)).returning()),
    groupInvitations: await counted(
      db
        .update(groupInvitations)
        .set({ status: 'revoked' })
        .where(and(eq(groupInvitations.inviteeId, personId), eq(groupInvitations.status, 'pending')))
        .returning({ id: groupInvitations.id }),
    ),
    roleGrants: await counted(
      db
        .update(roleGrants)
        .set({ revokedAt: now })
        .where(and(eq(roleGrants.personId, personId), isNull(roleGrants.revokedAt)))
        .returning({ id: roleGrants.id }),
    ),
  };
}

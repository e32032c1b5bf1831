import { and, eq, gt, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Actor } from '../audit/record.js';
import { recordAudit } from '../audit/record.js';
import type { Queryable } from '../db/database.js';
import { requestTransaction } from '../db/request-transaction.js';
import { Forbidden, ValidationFailed } from '../errors/core-errors.js';
import { groupMembers } from '../groups/schema.js';
import { uuidv7 } from '../ids/uuidv7.js';
import { regions } from '../regions/schema.js';
import { isoDate, isRealDate } from '../time/dates.js';
import { isAllowed, requirePermission } from './authorize.js';
import type { IdentityContext } from './context.js';
import {
  AlreadyRegistered,
  GuardianNotEligible,
  GuardianRequired,
  MergeRefused,
  PersonNotFound,
  UnknownRegion,
} from './errors.js';
import { PersonMerged, PersonRegistered } from './events.js';
import { isGuardianOf, isMinor, type MinorClock } from './guardians.js';
import { generateLearnerNumber, isValidLearnerNumber } from './learner-number.js';
import { nationalIdErrors } from './national-id/scheme.js';
import { passwordRuleBreak } from './password-policy.js';
import { hashPassword } from './passwords.js';
import type { PersonView, RegisterPersonBody } from './people-schemas.js';
import { guardianships, isTombstone, type PersonStatus, passwords, people, roleGrants, sessions } from './schema.js';

export type PersonRow = typeof people.$inferSelect;

// Callers across the core ask identity these questions; the answers live in guardians.ts.
export { guardiansOf, isGuardianOf, isMinor } from './guardians.js';

/** 400 naming the parameter when a learner number's check character is wrong: no lookup needed. */
export function assertLearnerNumber(value: string, path = '/params/learnerNumber'): void {
  if (!isValidLearnerNumber(value)) {
    throw ValidationFailed({
      errors: [{ path, rule: 'checkCharacter', message: 'Not a valid learner number (check character mismatch)' }],
    });
  }
}

export function toPersonView(ctx: IdentityContext, row: PersonRow): PersonView {
  // Erased people have no personal data left to show; every reader treats them as unknown.
  if (row.status === 'erased' || row.dateOfBirth === null || row.nationalIdMasked === null) throw PersonNotFound();
  return {
    id: row.id,
    learnerNumber: row.learnerNumber,
    legalName: row.legalName,
    displayName: row.displayName,
    dateOfBirth: row.dateOfBirth,
    nationalId: { scheme: row.nationalIdScheme, masked: row.nationalIdMasked },
    // Tombstones are answered with a 308 and never shown as a person.
    status: row.status === 'merged' ? 'unverified' : row.status,
    regionId: row.regionId,
    isMinor: isMinor(ctx, row.dateOfBirth),
    createdAt: row.createdAt.toISOString(),
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
  };
}

/** The person with this number, merged tombstones included; null when unknown. */
export async function findPerson(db: Queryable, learnerNumber: string): Promise<PersonRow | null> {
  const [row] = await db.select().from(people).where(eq(people.learnerNumber, learnerNumber)).limit(1);
  return row ?? null;
}

export async function findPersonById(db: Queryable, id: string): Promise<PersonRow | null> {
  const [row] = await db.select().from(people).where(eq(people.id, id)).limit(1);
  return row ?? null;
}

/** Like `findPerson`, but 404 for unknown numbers and merged tombstones. */
export async function requireActivePerson(db: Queryable, learnerNumber: string): Promise<PersonRow> {
  const row = await findPerson(db, learnerNumber);
  if (!row || isTombstone(row.status)) throw PersonNotFound();
  return row;
}

/** The person themself, a current guardian of theirs, or a holder of `permission` in their region. */
export async function canActFor(
  ctx: MinorClock,
  db: Queryable,
  actor: Actor,
  person: Pick<PersonRow, 'id' | 'regionId'>,
  permission: string,
): Promise<boolean> {
  const { principal } = actor;
  if (principal.kind === 'person') {
    if (principal.id === person.id) return true;
    if (await isGuardianOf(ctx, db, principal.id, person.id)) return true;
  }
  return isAllowed(principal, permission, { regionId: person.regionId });
}

async function requireRegion(db: Queryable, regionId: string): Promise<void> {
  const [row] = await db.select({ id: regions.id }).from(regions).where(eq(regions.id, regionId)).limit(1);
  if (!row) throw UnknownRegion({ detail: `Region "${regionId}" does not exist.` });
}

function validateRegistration(ctx: IdentityContext, body: RegisterPersonBody): void {
  const errors = [];
  if (!isRealDate(body.dateOfBirth)) {
    errors.push({ path: '/body/dateOfBirth', rule: 'realDate', message: 'Not a real calendar date (from 1900 on)' });
  } else if (body.dateOfBirth > isoDate(ctx.now())) {
    errors.push({ path: '/body/dateOfBirth', rule: 'notInFuture', message: 'Lies in the future' });
  }
  if (body.legalName.trim() !== body.legalName || body.legalName.trim() === '') {
    errors.push({ path: '/body/legalName', rule: 'trimmed', message: 'Must not start or end with spaces' });
  }
  if (errors.length === 0) errors.push(...nationalIdErrors(ctx.schemes, body.nationalId, body.dateOfBirth));
  const weak = passwordRuleBreak(body.password, [body.nationalId.number]);
  if (weak) errors.push({ path: '/body/password', ...weak });
  if (errors.length > 0) throw ValidationFailed({ errors });
}

/**
 * Real-name registration: one person, one learner number. A minor is registered by a verified
 * adult (who becomes the guardian) or by a registrar naming a verified adult as the guardian.
 * Every cheap check (the body, the region, the guardian, an ID already taken) runs before the
 * password is hashed, so a flood of doomed registrations costs no scrypt time. Concurrent
 * registrations of one national ID still produce exactly one person: the unique HMAC decides.
 */
export async function registerPerson(
  ctx: IdentityContext,
  actor: Actor,
  body: RegisterPersonBody,
  regionId: string,
): Promise<PersonRow> {
  validateRegistration(ctx, body);
  const scheme = ctx.schemes.get(body.nationalId.scheme);
  if (!scheme) throw new Error('unreachable: scheme validated');
  const number = scheme.normalize(body.nationalId.number);
  const minor = isMinor(ctx, body.dateOfBirth);
  await requireRegion(ctx.db, regionId);
  // Before the duplicate check, so nobody who may not register a minor learns whether a child's ID is taken.
  const guardianId = minor ? await resolveGuardian(ctx, actor, body, regionId) : undefined;
  const protectedId = ctx.protector.protect(scheme.id, number);
  if (await nationalIdTaken(ctx.db, protectedId.hmac)) throw AlreadyRegistered();
  const passwordHash = await hashPassword(body.password, ctx.settings.passwordHashCost);

  return requestTransaction(ctx.db, async (tx) => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const [row] = await tx
        .insert(people)
        .values({
          id: uuidv7(),
          learnerNumber: generateLearnerNumber(),
          legalName: body.legalName,
          dateOfBirth: body.dateOfBirth,
          nationalIdScheme: scheme.id,
          nationalIdHmac: protectedId.hmac,
          nationalIdCiphertext: protectedId.ciphertext,
          nationalIdKeyId: protectedId.keyId,
          nationalIdMasked: scheme.mask(number),
          regionId,
        })
        .onConflictDoNothing()
        .returning();
      if (!row) {
        // Not revealing whose number it is: the conflict says only that the ID is registered.
        if (await nationalIdTaken(tx, protectedId.hmac)) throw AlreadyRegistered();
        continue; // a learner-number collision: draw another number
      }
      await tx.insert(passwords).values({ personId: row.id, hash: passwordHash });
      if (guardianId) await tx.insert(guardianships).values({ minorId: row.id, guardianId });
      await recordAudit(tx, actor, {
        action: 'person.registered',
        subjectType: 'person',
        subjectId: row.id,
        regionId,
        details: {
          scheme: scheme.id,
          minor,
          ...(guardianId ? { guardianId } : {}),
          ...(guardianId && body.guardianLearnerNumber && body.guardianEvidence
            ? { evidence: { kind: body.guardianEvidence.kind, reference: body.guardianEvidence.reference } }
            : {}),
        },
      });
      await ctx.emit(
        tx,
        PersonRegistered,
        { personId: row.id, learnerNumber: row.learnerNumber, regionId, minor },
        { key: row.id, regionId },
      );
      return row;
    }
    throw new Error('Could not draw an unused learner number in 5 attempts');
  });
}

async function nationalIdTaken(db: Queryable, hmac: string): Promise<boolean> {
  const [taken] = await db.select({ id: people.id }).from(people).where(eq(people.nationalIdHmac, hmac)).limit(1);
  return taken !== undefined;
}

/**
 * Who becomes a new minor's guardian: the signed-in person registering them, who must be a
 * verified adult, or the verified adult a registrar of the region names.
 */
async function resolveGuardian(
  ctx: IdentityContext,
  actor: Actor,
  body: RegisterPersonBody,
  regionId: string,
): Promise<string> {
  const { principal } = actor;
  if (principal.kind === 'person' && !body.guardianLearnerNumber) {
    const guardian = await findPersonById(ctx.db, principal.id);
    if (!guardian || isMinor(ctx, guardian.dateOfBirth) || guardian.status !== 'verified') {
      throw GuardianRequired({
        detail: 'Only a verified adult can register a minor: have your own identity verified by a registrar first.',
      });
    }
    return guardian.id;
  }
  if (body.guardianLearnerNumber && isAllowed(principal, 'people.guardians.manage', { regionId })) {
    assertLearnerNumber(body.guardianLearnerNumber, '/body/guardianLearnerNumber');
    if (!body.guardianEvidence) {
      throw ValidationFailed({
        errors: [
          { path: '/body/guardianEvidence', rule: 'required', message: 'A registrar names a guardian on evidence' },
        ],
      });
    }
    const guardian = await requireActivePerson(ctx.db, body.guardianLearnerNumber);
    assertEligibleGuardian(ctx, guardian);
    return guardian.id;
  }
  throw GuardianRequired({
    detail:
      'Sign in as a verified adult guardian to register a minor, or ask a registrar to register them with the guardian named.',
  });
}

/** 409 unless `guardian` is a verified adult (and not `minorId` themself). */
export function assertEligibleGuardian(ctx: MinorClock, guardian: PersonRow, minorId?: string): void {
  if (guardian.id === minorId) throw GuardianNotEligible({ detail: 'Nobody is their own guardian.' });
  if (isMinor(ctx, guardian.dateOfBirth)) throw GuardianNotEligible({ detail: 'The guardian must be an adult.' });
  if (guardian.status !== 'verified') {
    throw GuardianNotEligible({ detail: "The guardian's identity must be verified first." });
  }
}

/** A person as the caller may see them: themself, their guardians, registrars and admins of their region. */
export async function readPerson(ctx: IdentityContext, actor: Actor, learnerNumber: string): Promise<PersonRow> {
  assertLearnerNumber(learnerNumber);
  const row = await findPerson(ctx.db, learnerNumber);
  // Callers without a broad read permission get 403 whether or not the number exists.
  if (!row || row.status === 'erased') {
    if (isAllowed(actor.principal, 'people.read')) throw PersonNotFound();
    throw Forbidden();
  }
  if (!(await canActFor(ctx, ctx.db, actor, row, 'people.read'))) throw Forbidden();
  return row;
}

/**
 * A region's people in one verification status, oldest first (UUIDv7 ids follow registration
 * order): the registrars' queue. Needs people.verify in that region; the caller is left out.
 */
export async function listPeopleByStatus(
  ctx: IdentityContext,
  actor: Actor,
  regionId: string,
  status: Exclude<PersonStatus, 'merged' | 'erased'>,
  page: { limit: number; after?: string | undefined },
): Promise<PersonRow[]> {
  requirePermission(actor.principal, 'people.verify', { regionId });
  const self = actor.principal.kind === 'person' ? actor.principal.id : undefined;
  return ctx.db
    .select()
    .from(people)
    .where(
      and(
        eq(people.regionId, regionId),
        eq(people.status, status),
        self ? ne(people.id, self) : undefined,
        page.after ? gt(people.id, page.after) : undefined,
      ),
    )
    .orderBy(people.id)
    .limit(page.limit + 1);
}

/** Hooks that move other modules' data (e.g. ledger accounts) during a merge, in its transaction. */
export type MergeHook = (tx: Queryable, from: { id: string }, into: { id: string }) => Promise<Record<string, number>>;

/**
 * Merges a duplicate registration into the surviving one (region admin): memberships, guardian
 * links and role grants move, sessions end, and the duplicate stays as a tombstone pointing at
 * the survivor, so its number keeps resolving and is never reused.
 */
export async function mergePeople(
  ctx: IdentityContext,
  actor: Actor,
  duplicateNumber: string,
  survivorNumber: string,
  reason: string,
  hooks: readonly MergeHook[] = [],
): Promise<PersonRow> {
  assertLearnerNumber(duplicateNumber);
  assertLearnerNumber(survivorNumber, '/body/into');
  if (duplicateNumber === survivorNumber) throw MergeRefused({ detail: 'A record cannot be merged into itself.' });
  return requestTransaction(ctx.db, async (tx) => {
    const duplicate = await requireActivePerson(tx, duplicateNumber);
    const survivor = await requireActivePerson(tx, survivorNumber);
    requirePermission(actor.principal, 'people.merge', { regionId: duplicate.regionId });
    requirePermission(actor.principal, 'people.merge', { regionId: survivor.regionId });
    // Lock both rows in a stable order so concurrent merges cannot interleave.
    await tx.execute(
      sql`select id from core.people where id in (${duplicate.id}, ${survivor.id}) order by id for update`,
    );

    const moved: Record<string, number> = {};
    const survivorGroups = tx
      .select({ groupId: groupMembers.groupId })
      .from(groupMembers)
      .where(eq(groupMembers.personId, survivor.id));
    await tx
      .delete(groupMembers)
      .where(and(eq(groupMembers.personId, duplicate.id), inArray(groupMembers.groupId, survivorGroups)));
    moved.groupMemberships = (
      await tx
        .update(groupMembers)
        .set({ personId: survivor.id })
        .where(eq(groupMembers.personId, duplicate.id))
        .returning()
    ).length;

    moved.guardianLinks = await moveGuardianships(tx, duplicate.id, survivor.id);
    moved.roleGrants = await moveRoleGrants(tx, duplicate.id, survivor.id, ctx.now());
    await tx.update(sessions).set({ revokedAt: ctx.now() }).where(eq(sessions.personId, duplicate.id));
    for (const hook of hooks) Object.assign(moved, await hook(tx, duplicate, survivor));

    const [tombstone] = await tx
      .update(people)
      .set({ status: 'merged', mergedInto: survivor.id })
      .where(eq(people.id, duplicate.id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'person.merged',
      subjectType: 'person',
      subjectId: duplicate.id,
      regionId: duplicate.regionId,
      details: { into: survivor.id, reason, moved },
    });
    await ctx.emit(
      tx,
      PersonMerged,
      { personId: duplicate.id, intoPersonId: survivor.id, regionId: duplicate.regionId },
      { key: duplicate.id, regionId: duplicate.regionId },
    );
    return tombstone as PersonRow;
  });
}

async function moveRoleGrants(tx: Queryable, fromId: string, toId: string, now: Date): Promise<number> {
  const active = (personId: string) =>
    tx
      .select()
      .from(roleGrants)
      .where(and(eq(roleGrants.personId, personId), isNull(roleGrants.revokedAt)));
  const held = new Set((await active(toId)).map((g) => `${g.role}|${g.scopeType}|${g.scopeId ?? ''}`));
  let moved = 0;
  for (const grant of await active(fromId)) {
    if (held.has(`${grant.role}|${grant.scopeType}|${grant.scopeId ?? ''}`)) {
      await tx.update(roleGrants).set({ revokedAt: now }).where(eq(roleGrants.id, grant.id));
    } else {
      await tx.update(roleGrants).set({ personId: toId }).where(eq(roleGrants.id, grant.id));
      moved += 1;
    }
  }
  return moved;
}

async function moveGuardianships(tx: Queryable, fromId: string, toId: string): Promise<number> {
  const links = await tx
    .select()
    .from(guardianships)
    .where(sql`${guardianships.minorId} = ${fromId} or ${guardianships.guardianId} = ${fromId}`);
  await tx
    .delete(guardianships)
    .where(sql`${guardianships.minorId} = ${fromId} or ${guardianships.guardianId} = ${fromId}`);
  let moved = 0;
  for (const link of links) {
    const minorId = link.minorId === fromId ? toId : link.minorId;
    const guardianId = link.guardianId === fromId ? toId : link.guardianId;
    if (minorId === guardianId) continue;
    const inserted = await tx.insert(guardianships).values({ minorId, guardianId }).onConflictDoNothing().returning();
    moved += inserted.length;
  }
  return moved;
}

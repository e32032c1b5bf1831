import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../audit/record.js';
import { recordAudit } from '../audit/record.js';
import type { Queryable } from '../db/database.js';
import { requestTransaction } from '../db/request-transaction.js';
import { Forbidden, ValidationFailed } from '../errors/core-errors.js';
import { isAllowed, requirePermission } from './authorize.js';
import type { IdentityContext } from './context.js';
import { ConflictOfInterest, NotAMinor, PersonNotFound } from './errors.js';
import { guardiansOf, isGuardianOf, isMinor } from './guardians.js';
import { requirePasswordPolicy } from './password-service.js';
import { hashPassword } from './passwords.js';
import type { Evidence, GuardianBody, GuardianReassignmentBody } from './people-schemas.js';
import {
  assertEligibleGuardian,
  assertLearnerNumber,
  findPerson,
  type PersonRow,
  requireActivePerson,
} from './people-service.js';
import { guardianships, isTombstone, passwords, people, sessions } from './schema.js';
import { refuseConflictOfInterest } from './verification-service.js';

const MANAGE = 'people.guardians.manage';

function requireMinor(ctx: IdentityContext, person: PersonRow): void {
  if (!isMinor(ctx, person.dateOfBirth)) {
    throw NotAMinor({ detail: 'Only minors have guardians; guardianship ends on the 18th birthday.' });
  }
}

function evidenceDetails(evidence: Evidence): Record<string, unknown> {
  return {
    evidence: { kind: evidence.kind, reference: evidence.reference },
    ...(evidence.note ? { note: evidence.note } : {}),
  };
}

/** The minor, or 403 for callers who could not tell whether the number exists (no existence oracle). */
async function lockMinor(tx: Queryable, actor: Actor, learnerNumber: string): Promise<PersonRow> {
  const row = await findPerson(tx, learnerNumber);
  if (!row || isTombstone(row.status)) {
    if (isAllowed(actor.principal, 'people.read')) throw PersonNotFound();
    throw Forbidden();
  }
  // Serialises guardianship changes of one minor, so two reassignments cannot interleave.
  await tx.select({ id: people.id }).from(people).where(eq(people.id, row.id)).for('update');
  return row;
}

/**
 * Makes a verified adult a guardian of a minor. Consent comes from one of:
 * - an existing guardian of the minor (adding a co-guardian, e.g. the other parent);
 * - a registrar of the minor's region, with evidence of the relationship (required, audited);
 *   a registrar never links themself (four-eyes).
 * Linking an existing guardian again changes nothing.
 */
export async function addGuardian(
  ctx: IdentityContext,
  actor: Actor,
  minorNumber: string,
  body: GuardianBody,
): Promise<void> {
  assertLearnerNumber(minorNumber);
  assertLearnerNumber(body.guardianLearnerNumber, '/body/guardianLearnerNumber');
  const { principal } = actor;
  await requestTransaction(ctx.db, async (tx) => {
    const minor = await lockMinor(tx, actor, minorNumber);
    const byGuardian = principal.kind === 'person' && (await isGuardianOf(ctx, tx, principal.id, minor.id));
    if (!byGuardian) {
      if (!isAllowed(principal, MANAGE, { regionId: minor.regionId })) {
        throw Forbidden({ detail: "Only a guardian of the minor or a registrar of the minor's region may do this." });
      }
      if (!body.evidence) {
        throw ValidationFailed({
          errors: [{ path: '/body/evidence', rule: 'required', message: 'A registrar links a guardian on evidence' }],
        });
      }
    }
    if (!byGuardian && principal.kind === 'person' && principal.learnerNumber === body.guardianLearnerNumber) {
      throw ConflictOfInterest({ detail: 'A registrar may not make themself a guardian: ask another registrar.' });
    }
    requireMinor(ctx, minor);
    const guardian = await requireActivePerson(tx, body.guardianLearnerNumber);
    assertEligibleGuardian(ctx, guardian, minor.id);
    const inserted = await tx
      .insert(guardianships)
      .values({ minorId: minor.id, guardianId: guardian.id })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0) return;
    await recordAudit(tx, actor, {
      action: 'person.guardian.added',
      subjectType: 'person',
      subjectId: minor.id,
      regionId: minor.regionId,
      details: {
        guardianId: guardian.id,
        basis: byGuardian ? 'guardian-consent' : 'registrar-evidence',
        ...(body.evidence ? evidenceDetails(body.evidence) : {}),
      },
    });
  });
}

/**
 * The dispute path: a registrar of the minor's region, on evidence, sets who the minor's guardians
 * are (e.g. removes whoever registered a child falsely and links the real parents). The minor's
 * record, learner number and national ID stay; removed guardians lose every power at once. Since
 * a removed guardian may know the minor's password, the minor's sessions end and the password is
 * replaced by `minorPassword` (or cleared, so nobody signs in as the minor until one is set).
 * The registrar may be neither a current nor a new guardian (four-eyes).
 */
export async function reassignGuardians(
  ctx: IdentityContext,
  actor: Actor,
  minorNumber: string,
  body: GuardianReassignmentBody,
): Promise<string[]> {
  assertLearnerNumber(minorNumber);
  body.guardianLearnerNumbers.forEach((n, i) => {
    assertLearnerNumber(n, `/body/guardianLearnerNumbers/${i}`);
  });
  const { principal } = actor;
  const subject = await requireActivePerson(ctx.db, minorNumber);
  requirePermission(principal, MANAGE, { regionId: subject.regionId });
  if (body.minorPassword) requirePasswordPolicy('/body/minorPassword', body.minorPassword, [minorNumber]);
  const passwordHash = body.minorPassword
    ? await hashPassword(body.minorPassword, ctx.settings.passwordHashCost)
    : undefined;

  return requestTransaction(ctx.db, async (tx) => {
    const minor = await lockMinor(tx, actor, minorNumber);
    await refuseConflictOfInterest(tx, actor, minor);
    if (principal.kind === 'person' && body.guardianLearnerNumbers.includes(principal.learnerNumber)) {
      throw ConflictOfInterest({ detail: 'A registrar may not make themself a guardian: ask another registrar.' });
    }
    requireMinor(ctx, minor);
    const current = await guardiansOf(ctx, tx, minor.id);
    const next: PersonRow[] = [];
    for (const number of body.guardianLearnerNumbers) {
      const guardian = await requireActivePerson(tx, number);
      assertEligibleGuardian(ctx, guardian, minor.id);
      next.push(guardian);
    }
    const nextIds = next.map((g) => g.id);

    const removed = current.filter((id) => !nextIds.includes(id));
    const added = nextIds.filter((id) => !current.includes(id));
    await tx.delete(guardianships).where(eq(guardianships.minorId, minor.id));
    await tx.insert(guardianships).values(nextIds.map((guardianId) => ({ minorId: minor.id, guardianId })));
    if (removed.length > 0 || passwordHash) {
      await tx
        .update(sessions)
        .set({ revokedAt: ctx.now() })
        .where(and(eq(sessions.personId, minor.id), isNull(sessions.revokedAt)));
      if (passwordHash) {
        await tx
          .insert(passwords)
          .values({ personId: minor.id, hash: passwordHash })
          .onConflictDoUpdate({ target: passwords.personId, set: { hash: passwordHash, updatedAt: ctx.now() } });
      } else {
        await tx.delete(passwords).where(eq(passwords.personId, minor.id));
      }
    }
    await recordAudit(tx, actor, {
      action: 'person.guardians.reassigned',
      subjectType: 'person',
      subjectId: minor.id,
      regionId: minor.regionId,
      details: {
        removed,
        added,
        guardians: nextIds,
        passwordReset: passwordHash ? 'replaced' : removed.length > 0 ? 'cleared' : 'unchanged',
        ...evidenceDetails(body.evidence),
      },
    });
    return next.map((g) => g.learnerNumber);
  });
}

import { and, eq } from 'drizzle-orm';
import type { Actor } from '../audit/record.js';
import { recordAudit } from '../audit/record.js';
import type { Queryable } from '../db/database.js';
import { requestTransaction } from '../db/request-transaction.js';
import { requirePermission } from './authorize.js';
import type { IdentityContext } from './context.js';
import { ConflictOfInterest, PersonNotFound, VerificationTransitionRefused } from './errors.js';
import { PersonVerified } from './events.js';
import { linkedByGuardianship } from './guardians.js';
import type { Evidence, RevocationBody, VerificationBody } from './people-schemas.js';
import { assertLearnerNumber, type PersonRow, requireActivePerson } from './people-service.js';
import { type PersonStatus, people } from './schema.js';

type Decision = VerificationBody['decision'] | 'revoke';

/**
 * The verification state machine. A rejected or revoked person may be verified later on new
 * evidence (a better document, a revocation found mistaken); a rejection is only of an open
 * application, and only a verification can be revoked. Anything else is a 409.
 */
const NEXT: Record<Decision, Partial<Record<PersonStatus, PersonStatus>>> = {
  approve: { unverified: 'verified', rejected: 'verified', revoked: 'verified' },
  reject: { unverified: 'rejected' },
  revoke: { verified: 'revoked' },
};

const AUDIT_ACTION: Record<Decision, string> = {
  approve: 'person.verification.approved',
  reject: 'person.verification.rejected',
  revoke: 'person.verification.revoked',
};

function nextStatus(from: PersonStatus, decision: Decision): PersonStatus {
  const to = NEXT[decision][from];
  if (!to) {
    throw VerificationTransitionRefused({
      detail: `A person whose status is "${from}" cannot be given the decision "${decision}".`,
      extensions: { status: from, decision },
    });
  }
  return to;
}

/**
 * Four-eyes: nobody decides on their own identity, nor on a person they are or were guardian of
 * (or who is or was theirs). API keys are no person, so they are never conflicted.
 */
export async function refuseConflictOfInterest(db: Queryable, actor: Actor, subject: { id: string }): Promise<void> {
  const { principal } = actor;
  if (principal.kind !== 'person') return;
  if (principal.id === subject.id) {
    throw ConflictOfInterest({ detail: 'You may not decide on your own identity: ask another registrar.' });
  }
  if (await linkedByGuardianship(db, principal.id, subject.id)) {
    throw ConflictOfInterest({
      detail: 'You may not decide on a person linked to you by guardianship: ask another registrar.',
    });
  }
}

/** The registrar may decide on this person: holds `people.verify` in their region and is not conflicted. */
async function authorizeDecision(ctx: IdentityContext, actor: Actor, learnerNumber: string): Promise<PersonRow> {
  assertLearnerNumber(learnerNumber);
  const subject = await requireActivePerson(ctx.db, learnerNumber);
  requirePermission(actor.principal, 'people.verify', { regionId: subject.regionId });
  await refuseConflictOfInterest(ctx.db, actor, subject);
  return subject;
}

function evidenceDetails(evidence: Evidence | undefined): Record<string, unknown> {
  if (!evidence) return {};
  return {
    evidence: { kind: evidence.kind, reference: evidence.reference },
    ...(evidence.note ? { note: evidence.note } : {}),
  };
}

/**
 * Moves the person from the status the decision was made on to the next one, in one statement:
 * a concurrent decision that got there first makes this one a 409, never a lost update.
 */
async function transition(
  ctx: IdentityContext,
  tx: Queryable,
  actor: Actor,
  person: PersonRow,
  decision: Decision,
  details: Record<string, unknown>,
): Promise<PersonRow> {
  const to = nextStatus(person.status, decision);
  const [updated] = await tx
    .update(people)
    .set({ status: to, verifiedAt: to === 'verified' ? ctx.now() : null })
    .where(and(eq(people.id, person.id), eq(people.status, person.status)))
    .returning();
  if (!updated) {
    throw VerificationTransitionRefused({ detail: 'Another decision on this person was recorded at the same time.' });
  }
  await recordAudit(tx, actor, {
    action: AUDIT_ACTION[decision],
    subjectType: 'person',
    subjectId: person.id,
    regionId: person.regionId,
    details: { from: person.status, to, ...details },
  });
  if (to === 'verified') {
    await ctx.emit(
      tx,
      PersonVerified,
      { personId: person.id, learnerNumber: person.learnerNumber, regionId: person.regionId },
      { key: person.id, regionId: person.regionId },
    );
  }
  return updated;
}

/**
 * A registrar's decision on a person's identity, with evidence, as the region's verifier decides
 * it (by default: the registrar's own decision). The transition is checked before the verifier
 * runs (no slow call for a decision that cannot apply) and again when it is written.
 */
export async function verifyPerson(
  ctx: IdentityContext,
  actor: Actor,
  learnerNumber: string,
  body: VerificationBody,
): Promise<PersonRow> {
  const subject = await authorizeDecision(ctx, actor, learnerNumber);
  nextStatus(subject.status, body.decision);
  const verifier = ctx.verifierFor(subject.regionId);
  const { dateOfBirth } = subject;
  // Unreachable for tombstones (authorizeDecision finds active people only); narrows the type.
  if (dateOfBirth === null) throw PersonNotFound();
  const outcome = await verifier.decide({
    person: { ...subject, dateOfBirth },
    decision: body.decision,
    evidence: body.evidence,
    actor,
  });
  return requestTransaction(ctx.db, async (tx) => {
    const person = await requireActivePerson(tx, learnerNumber);
    return transition(ctx, tx, actor, person, outcome.decision, {
      verifier: verifier.id,
      ...evidenceDetails(body.evidence),
      ...(outcome.reference ? { verifierReference: outcome.reference } : {}),
    });
  });
}

/** Revokes a verification (verified → revoked), with the reason in the audit log. */
export async function revokeVerification(
  ctx: IdentityContext,
  actor: Actor,
  learnerNumber: string,
  body: RevocationBody,
): Promise<PersonRow> {
  await authorizeDecision(ctx, actor, learnerNumber);
  return requestTransaction(ctx.db, async (tx) => {
    const person = await requireActivePerson(tx, learnerNumber);
    return transition(ctx, tx, actor, person, 'revoke', { reason: body.reason, ...evidenceDetails(body.evidence) });
  });
}

import { randomInt } from 'node:crypto';
import { and, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Actor } from '../audit/record.js';
import { recordAudit } from '../audit/record.js';
import type { Queryable } from '../db/database.js';
import { requestTransaction } from '../db/request-transaction.js';
import { notify } from '../notifications/notifier.js';
import { regions } from '../regions/schema.js';
import type { IdentityContext } from './context.js';
import {
  PasswordIncorrect,
  SecondFactorInvalid,
  SignInThrottled,
  TwoFactorEnrolmentRequired,
  TwoFactorStateConflict,
} from './errors.js';
import { RecoveryCodeUsed, TwoFactorDisabled, TwoFactorEnabled } from './notifications.js';
import { verifyPassword } from './passwords.js';
import type { RoleGrant } from './principal.js';
import { institutions, passwords, people, recoveryCodes, sessions, twoFactorSecrets } from './schema.js';
import { grantsOf } from './sessions-service.js';
import { clearFailures, lockedFor, recordFailure, throttleKeys } from './throttle.js';
import { acceptedStep, newTotpSecret, TOTP_ALGORITHM, TOTP_DIGITS, TOTP_PERIOD_SECONDS, totpUri } from './totp.js';

/** The issuer shown in authenticator apps next to the learner number. */
export const TOTP_ISSUER = 'Lifelong';
export const RECOVERY_CODE_COUNT = 10;

/**
 * Permissions that make a role privileged — minting credits, verifying people, administering —
 * and so subject to a region's two-factor requirement (`*` is the platform admin's).
 */
export const PRIVILEGED_PERMISSIONS: readonly string[] = [
  '*',
  'ledger.transfers.mint',
  'people.verify',
  'people.merge',
  'people.erase',
  'people.guardians.manage',
  'roles.grant',
  'api-keys.manage',
  'institutions.manage',
  'plugins.manage',
  'regions.manage',
  'regions.security.manage',
];

// Recovery codes: 10 characters from 31 unambiguous ones (no 0/o, 1/l/i): ≈ 49 bits each, kept as a
// keyed hash (the platform's HMAC key), so a leaked table neither shows them nor can be brute-forced offline.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const newRecoveryCode = () => {
  const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(0, RECOVERY_ALPHABET.length)]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
};
/** Case, spaces and hyphens do not matter when a code is typed back. */
const normalizeRecoveryCode = (code: string) => code.toLowerCase().replace(/[\s-]/g, '');
const recoveryHash = (ctx: IdentityContext, personId: string, code: string) =>
  ctx.protector.hmac('code:recovery', `${personId}:${normalizeRecoveryCode(code)}`);
const secretPurpose = (personId: string) => `totp:${personId}`;

export interface TwoFactorStatus {
  status: 'off' | 'pending' | 'on';
  confirmedAt: string | null;
  recoveryCodesLeft: number;
  /** Whether a region requires it of this person's roles (then it cannot be turned off). */
  required: boolean;
}

export interface Enrolment {
  otpauthUri: string;
  secret: string;
  issuer: string;
  algorithm: string;
  digits: number;
  period: number;
}

interface StoredSecret {
  secret: string;
  confirmed: boolean;
  lastStep: number | null;
}

async function storedSecret(ctx: IdentityContext, db: Queryable, personId: string): Promise<StoredSecret | null> {
  const [row] = await db.select().from(twoFactorSecrets).where(eq(twoFactorSecrets.personId, personId)).limit(1);
  if (!row) return null;
  return {
    secret: ctx.protector.reveal(secretPurpose(personId), row),
    confirmed: row.confirmedAt !== null,
    lastStep: row.lastStep,
  };
}

/** Whether the person has a confirmed second factor (sign-in asks for it then). */
export async function hasSecondFactor(db: Queryable, personId: string): Promise<boolean> {
  const [row] = await db
    .select({ personId: twoFactorSecrets.personId })
    .from(twoFactorSecrets)
    .where(and(eq(twoFactorSecrets.personId, personId), isNotNull(twoFactorSecrets.confirmedAt)))
    .limit(1);
  return row !== undefined;
}

/**
 * Whether a region requires two-factor sign-in of this person: some grant of theirs carries a
 * privileged permission and covers a region that requires it (a platform grant covers every
 * region; an institution grant its institution's region).
 */
export async function twoFactorRequiredFor(ctx: IdentityContext, db: Queryable, personId: string): Promise<boolean> {
  const requiring = await db.select({ id: regions.id }).from(regions).where(eq(regions.twoFactorRequired, true));
  if (requiring.length === 0) return false;
  const privileged = (await grantsOf(ctx.db, ctx.permissions, personId)).filter((g: RoleGrant) =>
    g.permissions.some((p) => PRIVILEGED_PERMISSIONS.includes(p)),
  );
  const required = new Set(requiring.map((r) => r.id));
  for (const grant of privileged) {
    if (grant.scope.type === 'platform') return true;
    if (grant.scope.type === 'region' && required.has(grant.scope.id)) return true;
    if (grant.scope.type === 'institution') {
      const [institution] = await db
        .select({ regionId: institutions.regionId })
        .from(institutions)
        .where(eq(institutions.id, grant.scope.id))
        .limit(1);
      if (institution && required.has(institution.regionId)) return true;
    }
  }
  return false;
}

/** Refused unless the account's sign-in throttle is open (wrong codes count towards it). */
async function requireThrottleOpen(ctx: IdentityContext, learnerNumber: string, actor: Actor): Promise<void> {
  const wait = await lockedFor(ctx.db, throttleKeys(learnerNumber, actor.address), ctx.now());
  if (wait > 0) throw SignInThrottled({ detail: `Try again in ${wait} s.`, headers: { 'Retry-After': String(wait) } });
}

async function countFailure(
  ctx: IdentityContext,
  actor: Actor,
  person: { id: string; learnerNumber: string; regionId: string },
  action: string,
): Promise<void> {
  await requestTransaction(ctx.db, async (tx) => {
    await recordFailure(tx, throttleKeys(person.learnerNumber, actor.address), ctx.now());
    await recordAudit(tx, actor, { action, subjectType: 'person', subjectId: person.id, regionId: person.regionId });
  });
}

async function personRow(db: Queryable, personId: string) {
  const [row] = await db
    .select({ id: people.id, learnerNumber: people.learnerNumber, regionId: people.regionId })
    .from(people)
    .where(eq(people.id, personId))
    .limit(1);
  return row as { id: string; learnerNumber: string; regionId: string };
}

export async function twoFactorStatus(ctx: IdentityContext, personId: string): Promise<TwoFactorStatus> {
  const [row] = await ctx.db
    .select({ confirmedAt: twoFactorSecrets.confirmedAt })
    .from(twoFactorSecrets)
    .where(eq(twoFactorSecrets.personId, personId))
    .limit(1);
  const [left] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.personId, personId), isNull(recoveryCodes.usedAt)));
  return {
    status: !row ? 'off' : row.confirmedAt ? 'on' : 'pending',
    confirmedAt: row?.confirmedAt?.toISOString() ?? null,
    recoveryCodesLeft: row?.confirmedAt ? Number(left?.n ?? 0) : 0,
    required: await twoFactorRequiredFor(ctx, ctx.db, personId),
  };
}

/**
 * Starts (or restarts) an enrolment: a new secret, encrypted at rest, shown this once as an
 * `otpauth://` URI. Nothing changes at sign-in until a first code confirms it. Refused (409) while
 * a confirmed factor exists: turning it off first needs a code or the password.
 */
export async function startEnrolment(ctx: IdentityContext, actor: Actor, personId: string): Promise<Enrolment> {
  const person = await personRow(ctx.db, personId);
  const secret = newTotpSecret();
  const encrypted = ctx.protector.protect(secretPurpose(personId), secret);
  const now = ctx.now();
  await requestTransaction(ctx.db, async (tx) => {
    const [existing] = await tx
      .select({ confirmedAt: twoFactorSecrets.confirmedAt })
      .from(twoFactorSecrets)
      .where(eq(twoFactorSecrets.personId, personId))
      .for('update')
      .limit(1);
    if (existing?.confirmedAt) {
      throw TwoFactorStateConflict({
        detail: 'Two-factor sign-in is already on; turn it off first to enrol another authenticator.',
        extensions: { reason: 'enabled' },
      });
    }
    await tx
      .insert(twoFactorSecrets)
      .values({ personId, ciphertext: encrypted.ciphertext, keyId: encrypted.keyId, createdAt: now })
      .onConflictDoUpdate({
        target: twoFactorSecrets.personId,
        set: { ciphertext: encrypted.ciphertext, keyId: encrypted.keyId, createdAt: now, lastStep: null },
      });
    await recordAudit(tx, actor, {
      action: 'person.two-factor.enrolment-started',
      subjectType: 'person',
      subjectId: personId,
      regionId: person.regionId,
    });
  });
  return {
    otpauthUri: totpUri(secret, person.learnerNumber, TOTP_ISSUER),
    secret,
    issuer: TOTP_ISSUER,
    algorithm: TOTP_ALGORITHM,
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
  };
}

/** Enrolment from a session: the password again, since a session left open on a shared computer must not enrol someone else's phone. */
export async function startEnrolmentWithPassword(
  ctx: IdentityContext,
  actor: Actor,
  personId: string,
  password: string,
): Promise<Enrolment> {
  const person = await personRow(ctx.db, personId);
  if (await hasSecondFactor(ctx.db, personId)) {
    throw TwoFactorStateConflict({
      detail: 'Two-factor sign-in is already on; turn it off first to enrol another authenticator.',
      extensions: { reason: 'enabled' },
    });
  }
  await requireProof(ctx, actor, person, { password }, 'person.two-factor.enrolment-failed');
  return startEnrolment(ctx, actor, personId);
}

async function issueRecoveryCodes(ctx: IdentityContext, tx: Queryable, personId: string): Promise<string[]> {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.personId, personId));
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const now = ctx.now();
  await tx
    .insert(recoveryCodes)
    .values(codes.map((code) => ({ personId, codeHash: recoveryHash(ctx, personId, code), createdAt: now })));
  return codes;
}

/**
 * Confirms a pending enrolment with a first code: the factor is on, ten recovery codes are made
 * (shown this once, kept hashed) and every other session ends (they were opened without it).
 */
export async function confirmEnrolment(
  ctx: IdentityContext,
  actor: Actor,
  personId: string,
  code: string,
  keepSessionId?: string,
): Promise<{ recoveryCodes: string[]; sessionsEnded: number }> {
  const person = await personRow(ctx.db, personId);
  await requireThrottleOpen(ctx, person.learnerNumber, actor);
  const stored = await storedSecret(ctx, ctx.db, personId);
  if (!stored || stored.confirmed) {
    throw TwoFactorStateConflict({
      detail: stored ? 'Two-factor sign-in is already on.' : 'No enrolment is waiting: start one first.',
      extensions: { reason: stored ? 'enabled' : 'not-pending' },
    });
  }
  const step = acceptedStep(stored.secret, code, ctx.now(), stored.lastStep);
  if (step === null) {
    await countFailure(ctx, actor, person, 'person.two-factor.confirmation-failed');
    throw SecondFactorInvalid({ detail: 'The code does not match the new authenticator; nothing was changed.' });
  }
  const now = ctx.now();
  return requestTransaction(ctx.db, async (tx) => {
    const [confirmed] = await tx
      .update(twoFactorSecrets)
      .set({ confirmedAt: now, lastStep: step })
      .where(and(eq(twoFactorSecrets.personId, personId), isNull(twoFactorSecrets.confirmedAt)))
      .returning({ personId: twoFactorSecrets.personId });
    if (!confirmed)
      throw TwoFactorStateConflict({ detail: 'Two-factor sign-in is already on.', extensions: { reason: 'enabled' } });
    const codes = await issueRecoveryCodes(ctx, tx, personId);
    const ended = await tx
      .update(sessions)
      .set({ revokedAt: now })
      .where(
        and(
          eq(sessions.personId, personId),
          isNull(sessions.revokedAt),
          keepSessionId ? sql`${sessions.id} <> ${keepSessionId}` : undefined,
        ),
      )
      .returning({ id: sessions.id });
    await clearFailures(tx, `account:${person.learnerNumber}`);
    await recordAudit(tx, actor, {
      action: 'person.two-factor.enabled',
      subjectType: 'person',
      subjectId: personId,
      regionId: person.regionId,
      details: { sessionsEnded: ended.length },
    });
    await notify(
      tx,
      ctx.notifications,
      'core',
      TwoFactorEnabled,
      [personId],
      { sessionsEnded: ended.length },
      { regionId: person.regionId },
    );
    return { recoveryCodes: codes, sessionsEnded: ended.length };
  });
}

/**
 * Checks a second factor of a person whose factor is on, and uses it up: a TOTP code works once
 * (its step is remembered, under a conditional update that two parallel uses cannot both pass),
 * a recovery code is spent. Returns what was used, or null (the caller counts the failure).
 */
export async function useSecondFactor(
  ctx: IdentityContext,
  personId: string,
  input: { code?: string | undefined; recoveryCode?: string | undefined },
): Promise<'totp' | 'recovery-code' | null> {
  const now = ctx.now();
  if (input.code !== undefined) {
    const stored = await storedSecret(ctx, ctx.db, personId);
    if (!stored?.confirmed) return null;
    const step = acceptedStep(stored.secret, input.code, now, stored.lastStep);
    if (step === null) return null;
    const [used] = await ctx.db
      .update(twoFactorSecrets)
      .set({ lastStep: step })
      .where(
        and(
          eq(twoFactorSecrets.personId, personId),
          or(isNull(twoFactorSecrets.lastStep), lt(twoFactorSecrets.lastStep, step)),
        ),
      )
      .returning({ personId: twoFactorSecrets.personId });
    return used ? 'totp' : null;
  }
  if (input.recoveryCode !== undefined) {
    const hash = recoveryHash(ctx, personId, input.recoveryCode);
    return requestTransaction(ctx.db, async (tx) => {
      const [spent] = await tx
        .update(recoveryCodes)
        .set({ usedAt: now })
        .where(
          and(eq(recoveryCodes.personId, personId), eq(recoveryCodes.codeHash, hash), isNull(recoveryCodes.usedAt)),
        )
        .returning({ codeHash: recoveryCodes.codeHash });
      if (!spent) return null;
      const [left] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(recoveryCodes)
        .where(and(eq(recoveryCodes.personId, personId), isNull(recoveryCodes.usedAt)));
      const person = await personRow(tx, personId);
      await notify(
        tx,
        ctx.notifications,
        'core',
        RecoveryCodeUsed,
        [personId],
        { left: Number(left?.n ?? 0) },
        { regionId: person.regionId },
      );
      return 'recovery-code' as const;
    });
  }
  return null;
}

/**
 * A signed-in person proves it is them again — by an authenticator code, a recovery code or the
 * password — under the sign-in throttle; a wrong proof counts as a failed sign-in.
 */
async function requireProof(
  ctx: IdentityContext,
  actor: Actor,
  person: { id: string; learnerNumber: string; regionId: string },
  proof: { code?: string | undefined; recoveryCode?: string | undefined; password?: string | undefined },
  failedAction: string,
): Promise<void> {
  await requireThrottleOpen(ctx, person.learnerNumber, actor);
  if (proof.code !== undefined || proof.recoveryCode !== undefined) {
    if (await useSecondFactor(ctx, person.id, proof)) return;
    await countFailure(ctx, actor, person, failedAction);
    throw SecondFactorInvalid({ detail: 'Nothing was changed.' });
  }
  const [stored] = await ctx.db
    .select({ hash: passwords.hash })
    .from(passwords)
    .where(eq(passwords.personId, person.id))
    .limit(1);
  if (!stored || !(await verifyPassword(proof.password ?? '', stored.hash))) {
    await countFailure(ctx, actor, person, failedAction);
    throw PasswordIncorrect({ detail: 'The password is wrong; nothing was changed.' });
  }
}

/**
 * Turns the second factor off (a pending enrolment too), with its recovery codes. Needs a code,
 * a recovery code or the password; refused (409 `required`) while a region requires it of the person.
 */
export async function disableTwoFactor(
  ctx: IdentityContext,
  actor: Actor,
  personId: string,
  proof: { code?: string | undefined; recoveryCode?: string | undefined; password?: string | undefined },
): Promise<void> {
  const person = await personRow(ctx.db, personId);
  const [row] = await ctx.db
    .select({ confirmedAt: twoFactorSecrets.confirmedAt })
    .from(twoFactorSecrets)
    .where(eq(twoFactorSecrets.personId, personId))
    .limit(1);
  if (!row)
    throw TwoFactorStateConflict({ detail: 'Two-factor sign-in is not on.', extensions: { reason: 'not-enabled' } });
  if (row.confirmedAt && (await twoFactorRequiredFor(ctx, ctx.db, personId))) {
    throw TwoFactorStateConflict({
      detail: 'A region requires two-factor sign-in of your roles; it cannot be turned off while you hold them.',
      extensions: { reason: 'required' },
    });
  }
  if (row.confirmedAt) await requireProof(ctx, actor, person, proof, 'person.two-factor.disable-failed');
  await requestTransaction(ctx.db, async (tx) => {
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.personId, personId));
    await tx.delete(twoFactorSecrets).where(eq(twoFactorSecrets.personId, personId));
    await recordAudit(tx, actor, {
      action: 'person.two-factor.disabled',
      subjectType: 'person',
      subjectId: personId,
      regionId: person.regionId,
      details: { wasOn: row.confirmedAt !== null },
    });
    if (row.confirmedAt) {
      await notify(tx, ctx.notifications, 'core', TwoFactorDisabled, [personId], {}, { regionId: person.regionId });
    }
  });
}

/** New recovery codes (the old ones stop working), for an authenticator code. */
export async function renewRecoveryCodes(
  ctx: IdentityContext,
  actor: Actor,
  personId: string,
  code: string,
): Promise<{ recoveryCodes: string[] }> {
  const person = await personRow(ctx.db, personId);
  if (!(await hasSecondFactor(ctx.db, personId))) {
    throw TwoFactorStateConflict({ detail: 'Two-factor sign-in is not on.', extensions: { reason: 'not-enabled' } });
  }
  await requireProof(ctx, actor, person, { code }, 'person.two-factor.recovery-codes-failed');
  return requestTransaction(ctx.db, async (tx) => {
    const codes = await issueRecoveryCodes(ctx, tx, personId);
    await recordAudit(tx, actor, {
      action: 'person.two-factor.recovery-codes-renewed',
      subjectType: 'person',
      subjectId: personId,
      regionId: person.regionId,
    });
    return { recoveryCodes: codes };
  });
}

/** The problem a privileged person gets at sign-in while a region requires a factor they lack. */
export const enrolmentRequired = () =>
  TwoFactorEnrolmentRequired({
    detail:
      'A region requires two-factor sign-in of your roles. Enrol an authenticator app: POST ' +
      '/v1/sessions/two-factor-enrolment with your learner number and password, add the secret to the app, then ' +
      'POST /v1/sessions/two-factor-enrolment/confirmation with a first code to sign in.',
  });

import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Actor } from '../audit/record.js';
import { recordAudit } from '../audit/record.js';
import type { Queryable } from '../db/database.js';
import { requestTransaction } from '../db/request-transaction.js';
import { Forbidden, ValidationFailed } from '../errors/core-errors.js';
import { notify } from '../notifications/notifier.js';
import type { IdentityContext } from './context.js';
import { PasswordIncorrect, SignInThrottled } from './errors.js';
import { isGuardianOf } from './guardians.js';
import { PasswordChanged, PasswordSetByGuardian } from './notifications.js';
import { passwordRuleBreak } from './password-policy.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { isTombstone, passwords, people, sessions } from './schema.js';
import { clearFailures, lockedFor, recordFailure, throttleKeys } from './throttle.js';

/** Refuses a new password the policy rejects, as a 400 naming the field and the rule. */
export function requirePasswordPolicy(path: string, password: string, personal: readonly string[]): void {
  const broken = passwordRuleBreak(password, personal);
  if (broken) throw ValidationFailed({ errors: [{ path, ...broken }] });
}

/**
 * Stores a new password hash and ends the person's sessions (all but `keepSessionId`): whoever
 * held the old password may hold a session too. Clears the sign-in back-off of the account.
 */
export async function replacePassword(
  tx: Queryable,
  person: { id: string; learnerNumber: string },
  hash: string,
  now: Date,
  keepSessionId?: string,
): Promise<number> {
  await tx
    .insert(passwords)
    .values({ personId: person.id, hash, updatedAt: now })
    .onConflictDoUpdate({ target: passwords.personId, set: { hash, updatedAt: now } });
  const ended = await tx
    .update(sessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(sessions.personId, person.id),
        isNull(sessions.revokedAt),
        keepSessionId ? ne(sessions.id, keepSessionId) : undefined,
      ),
    )
    .returning({ id: sessions.id });
  await clearFailures(tx, `account:${person.learnerNumber}`);
  return ended.length;
}

/**
 * A person changes their own password. The current one is checked under the sign-in throttle
 * (so this route is no way around it); on success every other session ends — whoever else holds
 * one may be the reason for the change — and this one stays.
 */
export async function changePassword(
  ctx: IdentityContext,
  actor: Actor,
  caller: { id: string; learnerNumber: string; sessionId: string },
  body: { currentPassword: string; newPassword: string },
): Promise<{ sessionsEnded: number }> {
  const now = ctx.now();
  const keys = throttleKeys(caller.learnerNumber, actor.address);
  const wait = await lockedFor(ctx.db, keys, now);
  if (wait > 0) throw SignInThrottled({ detail: `Try again in ${wait} s.`, headers: { 'Retry-After': String(wait) } });

  const [stored] = await ctx.db
    .select({ hash: passwords.hash, regionId: people.regionId })
    .from(passwords)
    .innerJoin(people, eq(people.id, passwords.personId))
    .where(eq(passwords.personId, caller.id))
    .limit(1);
  if (!stored || !(await verifyPassword(body.currentPassword, stored.hash))) {
    await requestTransaction(ctx.db, async (tx) => {
      await recordFailure(tx, keys, now);
      await recordAudit(tx, actor, {
        action: 'person.password-change-failed',
        subjectType: 'person',
        subjectId: caller.id,
        ...(stored ? { regionId: stored.regionId } : {}),
      });
    });
    throw PasswordIncorrect({ detail: 'The current password is wrong; nothing was changed.' });
  }
  requirePasswordPolicy('/body/newPassword', body.newPassword, [caller.learnerNumber]);
  if (body.newPassword.normalize('NFKC') === body.currentPassword.normalize('NFKC')) {
    throw ValidationFailed({
      errors: [{ path: '/body/newPassword', rule: 'changed', message: 'Is the current password' }],
    });
  }
  const hash = await hashPassword(body.newPassword, ctx.settings.passwordHashCost);
  return requestTransaction(ctx.db, async (tx) => {
    const sessionsEnded = await replacePassword(tx, caller, hash, now, caller.sessionId);
    await recordAudit(tx, actor, {
      action: 'person.password.changed',
      subjectType: 'person',
      subjectId: caller.id,
      regionId: stored.regionId,
      details: { sessionsEnded },
    });
    await notify(
      tx,
      ctx.notifications,
      'core',
      PasswordChanged,
      [caller.id],
      { sessionsEnded },
      {
        regionId: stored.regionId,
      },
    );
    return { sessionsEnded };
  });
}

/**
 * A guardian sets a new password for their minor (a forgotten one, or one a removed guardian
 * knew). Every session of the minor ends. Anyone else — an unknown learner number included —
 * gets the same 403, so the route tells nobody who exists.
 */
export async function setMinorPassword(
  ctx: IdentityContext,
  actor: Actor,
  guardianId: string,
  learnerNumber: string,
  newPassword: string,
): Promise<{ sessionsEnded: number }> {
  const [minor] = await ctx.db
    .select({ id: people.id, regionId: people.regionId, status: people.status })
    .from(people)
    .where(eq(people.learnerNumber, learnerNumber))
    .limit(1);
  if (!minor || isTombstone(minor.status) || !(await isGuardianOf(ctx, ctx.db, guardianId, minor.id))) {
    throw Forbidden({ detail: "Only a minor's guardian may set their password." });
  }
  requirePasswordPolicy('/body/newPassword', newPassword, [learnerNumber]);
  const hash = await hashPassword(newPassword, ctx.settings.passwordHashCost);
  const now = ctx.now();
  return requestTransaction(ctx.db, async (tx) => {
    const sessionsEnded = await replacePassword(tx, { id: minor.id, learnerNumber }, hash, now);
    await recordAudit(tx, actor, {
      action: 'person.password.set-by-guardian',
      subjectType: 'person',
      subjectId: minor.id,
      regionId: minor.regionId,
      details: { sessionsEnded },
    });
    await notify(tx, ctx.notifications, 'core', PasswordSetByGuardian, [minor.id], {}, { regionId: minor.regionId });
    return { sessionsEnded };
  });
}

import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Actor } from '../audit/record.js';
import { recordAudit } from '../audit/record.js';
import { requestTransaction } from '../db/request-transaction.js';
import { uuidv7 } from '../ids/uuidv7.js';
import { channelFor } from '../messaging/channels.js';
import type { NotificationLocale } from '../notifications/notification-ref.js';
import { notify } from '../notifications/notifier.js';
import {
  CODE_MAX_ATTEMPTS,
  CODE_RESEND_SECONDS,
  CODE_TTL_SECONDS,
  codeHash,
  codeMatches,
  codeMessage,
  newCode,
} from './contact-codes.js';
import { type ContactKind, verifiedContact } from './contacts-service.js';
import type { IdentityContext } from './context.js';
import { ResetCodeInvalid, SignInThrottled } from './errors.js';
import { isValidLearnerNumber } from './learner-number.js';
import { PasswordChanged } from './notifications.js';
import { replacePassword, requirePasswordPolicy } from './password-service.js';
import { hashPassword } from './passwords.js';
import { isTombstone, passwordResets, people } from './schema.js';
import { lockedFor, recordFailure, throttleKeys } from './throttle.js';

/** What every reset request is answered, whether or not the account or the contact exists. */
export const RESET_REQUESTED = {
  message: 'If this learner number has a verified contact of that kind, a reset code is on its way.',
} as const;

const activePerson = async (ctx: IdentityContext, learnerNumber: string) =>
  isValidLearnerNumber(learnerNumber)
    ? (
        await ctx.db
          .select({ id: people.id, regionId: people.regionId, status: people.status })
          .from(people)
          .where(eq(people.learnerNumber, learnerNumber))
          .limit(1)
      ).filter((p) => !isTombstone(p.status))[0]
    : undefined;

/**
 * Sends a reset code to the person's verified email or phone. The answer is the same for an
 * unknown learner number, a person without that contact, and a repeat within a minute (no new
 * code then): the route tells nobody who is registered or how to reach them. Only a channel the
 * platform lacks is a 503, for every caller alike.
 */
export async function requestPasswordReset(
  ctx: IdentityContext,
  actor: Actor,
  input: { learnerNumber: string; channel: ContactKind },
  locale: NotificationLocale,
): Promise<typeof RESET_REQUESTED> {
  const channel = channelFor(ctx.channels, input.channel);
  const person = await activePerson(ctx, input.learnerNumber);
  if (!person) return RESET_REQUESTED;
  const to = await verifiedContact(ctx, person.id, input.channel);
  if (!to) return RESET_REQUESTED;
  const now = ctx.now();
  const [recent] = await ctx.db
    .select({ id: passwordResets.id })
    .from(passwordResets)
    .where(
      and(
        eq(passwordResets.personId, person.id),
        gt(passwordResets.createdAt, new Date(now.getTime() - CODE_RESEND_SECONDS * 1000)),
      ),
    )
    .limit(1);
  if (recent) return RESET_REQUESTED;
  const code = newCode();
  const id = uuidv7();
  await requestTransaction(ctx.db, async (tx) => {
    await tx.insert(passwordResets).values({
      personId: person.id,
      id,
      channel: input.channel,
      codeHash: codeHash(ctx.protector, 'reset', person.id, code),
      expiresAt: new Date(now.getTime() + CODE_TTL_SECONDS * 1000),
      createdAt: now,
    });
    await recordAudit(tx, actor, {
      action: 'person.password-reset.requested',
      subjectType: 'person',
      subjectId: person.id,
      regionId: person.regionId,
      details: { channel: input.channel },
    });
    await channel.send({ to, ...codeMessage('reset', locale, code) });
  });
  return RESET_REQUESTED;
}

/**
 * Sets a new password with a reset code: single use, for ten minutes, five guesses, under the
 * sign-in throttle. Every wrong case — unknown number, no code, wrong, expired, used — is the same
 * 400, so guessing tells nothing. Every session ends; the person is told in their inbox.
 */
export async function confirmPasswordReset(
  ctx: IdentityContext,
  actor: Actor,
  input: { learnerNumber: string; code: string; newPassword: string },
): Promise<{ sessionsEnded: number }> {
  const now = ctx.now();
  const keys = throttleKeys(input.learnerNumber, actor.address);
  const wait = await lockedFor(ctx.db, keys, now);
  if (wait > 0) throw SignInThrottled({ detail: `Try again in ${wait} s.`, headers: { 'Retry-After': String(wait) } });
  const person = await activePerson(ctx, input.learnerNumber);
  const [reset] = person
    ? await ctx.db
        .select()
        .from(passwordResets)
        .where(
          and(eq(passwordResets.personId, person.id), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)),
        )
        .orderBy(desc(passwordResets.id))
        .limit(1)
    : [];
  const ok =
    person &&
    reset &&
    reset.attempts < CODE_MAX_ATTEMPTS &&
    codeMatches(reset.codeHash, codeHash(ctx.protector, 'reset', person.id, input.code));
  if (!ok) {
    await requestTransaction(ctx.db, async (tx) => {
      await recordFailure(tx, keys, now);
      if (person && reset) {
        await tx
          .update(passwordResets)
          .set({ attempts: reset.attempts + 1 })
          .where(and(eq(passwordResets.personId, person.id), eq(passwordResets.id, reset.id)));
      }
    });
    throw ResetCodeInvalid();
  }
  requirePasswordPolicy('/body/newPassword', input.newPassword, [input.learnerNumber]);
  const hash = await hashPassword(input.newPassword, ctx.settings.passwordHashCost);
  return requestTransaction(ctx.db, async (tx) => {
    // Used once: a concurrent confirmation with the same code finds it used and fails.
    const [claimed] = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(
        and(eq(passwordResets.personId, person.id), eq(passwordResets.id, reset.id), isNull(passwordResets.usedAt)),
      )
      .returning({ id: passwordResets.id });
    if (!claimed) throw ResetCodeInvalid();
    const sessionsEnded = await replacePassword(tx, { id: person.id, learnerNumber: input.learnerNumber }, hash, now);
    await recordAudit(tx, actor, {
      action: 'person.password-reset.completed',
      subjectType: 'person',
      subjectId: person.id,
      regionId: person.regionId,
      details: { channel: reset.channel, sessionsEnded },
    });
    await notify(
      tx,
      ctx.notifications,
      'core',
      PasswordChanged,
      [person.id],
      { sessionsEnded },
      {
        regionId: person.regionId,
      },
    );
    return { sessionsEnded };
  });
}

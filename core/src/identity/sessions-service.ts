import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { Actor } from '../audit/record.js';
import { recordAudit } from '../audit/record.js';
import type { Database } from '../db/database.js';
import { perDatabase } from '../db/prepared.js';
import { requestTransaction } from '../db/request-transaction.js';
import { uuidv7 } from '../ids/uuidv7.js';
import type { IdentityContext } from './context.js';
import {
  InvalidCredentials,
  InvalidRefreshToken,
  SecondFactorInvalid,
  SecondFactorRequired,
  SignInThrottled,
} from './errors.js';
import { isValidLearnerNumber } from './learner-number.js';
import { decoyHash, verifyPassword } from './passwords.js';
import type { PermissionRegistry } from './permission-registry.js';
import type { Principal, RoleGrant, Scope } from './principal.js';
import { isTombstone, passwords, people, retiredRefreshTokens, roleGrants, sessions } from './schema.js';
import { clearFailures, lockedFor, recordFailure, throttleKeys } from './throttle.js';
import { enrolmentRequired, hasSecondFactor, twoFactorRequiredFor, useSecondFactor } from './two-factor-service.js';

const SESSION_PREFIX = 'lls_';
const REFRESH_PREFIX = 'llr_';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = (prefix: string) => `${prefix}${randomBytes(32).toString('base64url')}`;

export interface IssuedSession {
  token: string;
  expiresAt: string;
  refreshToken: string;
  refreshExpiresAt: string;
}

function issue(ctx: IdentityContext) {
  const now = ctx.now().getTime();
  const token = newToken(SESSION_PREFIX);
  const refreshToken = newToken(REFRESH_PREFIX);
  const expiresAt = new Date(now + ctx.settings.sessionTtlSeconds * 1000);
  const refreshExpiresAt = new Date(now + ctx.settings.refreshTtlSeconds * 1000);
  return {
    row: { tokenHash: hashToken(token), refreshHash: hashToken(refreshToken), expiresAt, refreshExpiresAt },
    issued: {
      token,
      refreshToken,
      expiresAt: expiresAt.toISOString(),
      refreshExpiresAt: refreshExpiresAt.toISOString(),
    },
  };
}

/**
 * Checks a learner number and password under the sign-in throttle. Failures count against the
 * account and the client address, with exponential back-off (429 with Retry-After); the answer
 * never says whether the account exists, and an unknown account costs the same password check.
 */
export async function checkCredentials(
  ctx: IdentityContext,
  actor: Actor,
  input: { learnerNumber: string; password: string },
): Promise<{ id: string; regionId: string; learnerNumber: string }> {
  const now = ctx.now();
  const keys = throttleKeys(input.learnerNumber, actor.address);
  const wait = await lockedFor(ctx.db, keys, now);
  if (wait > 0) throw SignInThrottled({ detail: `Try again in ${wait} s.`, headers: { 'Retry-After': String(wait) } });

  const [account] = isValidLearnerNumber(input.learnerNumber)
    ? await ctx.db
        .select({ id: people.id, regionId: people.regionId, status: people.status, hash: passwords.hash })
        .from(people)
        .innerJoin(passwords, eq(passwords.personId, people.id))
        .where(eq(people.learnerNumber, input.learnerNumber))
        .limit(1)
    : [];
  const usable = account && !isTombstone(account.status);
  const ok = await verifyPassword(
    input.password,
    usable ? account.hash : await decoyHash(ctx.settings.passwordHashCost),
  );

  if (!usable || !ok) {
    await requestTransaction(ctx.db, async (tx) => {
      await recordFailure(tx, keys, now);
      await recordAudit(tx, actor, {
        action: 'session.sign-in-failed',
        ...(usable ? { subjectType: 'person', subjectId: account.id, regionId: account.regionId } : {}),
        details: { reason: usable ? 'password' : 'unknown-account' },
      });
    });
    throw InvalidCredentials();
  }
  return { id: account.id, regionId: account.regionId, learnerNumber: input.learnerNumber };
}

/** Opens a session for a person whose credentials were checked, and clears the account's back-off. */
export async function openSession(
  ctx: IdentityContext,
  actor: Actor,
  account: { id: string; regionId: string; learnerNumber: string },
  secondFactor?: 'totp' | 'recovery-code',
): Promise<IssuedSession> {
  const { row, issued } = issue(ctx);
  await requestTransaction(ctx.db, async (tx) => {
    await clearFailures(tx, `account:${account.learnerNumber}`);
    await tx.insert(sessions).values({ id: uuidv7(), personId: account.id, ...row });
    await recordAudit(tx, actor, {
      action: 'session.signed-in',
      subjectType: 'person',
      subjectId: account.id,
      regionId: account.regionId,
      ...(secondFactor ? { details: { secondFactor } } : {}),
    });
  });
  return issued;
}

/**
 * Password sign-in, with the second factor when the person has one (`code` from the
 * authenticator app, or a single-use `recoveryCode`; a wrong one counts as a failed sign-in). A
 * person whose privileged roles a region requires a second factor of, and who has none, gets 403
 * `IDENTITY_TWO_FACTOR_ENROLMENT_REQUIRED` telling them how to enrol.
 */
export async function signIn(
  ctx: IdentityContext,
  actor: Actor,
  input: { learnerNumber: string; password: string; code?: string | undefined; recoveryCode?: string | undefined },
): Promise<IssuedSession> {
  const account = await checkCredentials(ctx, actor, input);
  if (await hasSecondFactor(ctx.db, account.id)) {
    if (input.code === undefined && input.recoveryCode === undefined) {
      throw SecondFactorRequired({
        detail: 'Sign in again with the same learner number and password and `code` (or `recoveryCode`).',
      });
    }
    const used = await useSecondFactor(ctx, account.id, input);
    if (!used) {
      await requestTransaction(ctx.db, async (tx) => {
        await recordFailure(tx, throttleKeys(input.learnerNumber, actor.address), ctx.now());
        await recordAudit(tx, actor, {
          action: 'session.sign-in-failed',
          subjectType: 'person',
          subjectId: account.id,
          regionId: account.regionId,
          details: { reason: 'second-factor' },
        });
      });
      throw SecondFactorInvalid();
    }
    return openSession(ctx, actor, account, used);
  }
  if (await twoFactorRequiredFor(ctx, ctx.db, account.id)) {
    await recordAudit(ctx.db, actor, {
      action: 'session.two-factor-enrolment-required',
      subjectType: 'person',
      subjectId: account.id,
      regionId: account.regionId,
    });
    throw enrolmentRequired();
  }
  return openSession(ctx, actor, account);
}

/**
 * Exchanges a refresh token for a new token pair; the old pair stops working at once and its
 * refresh token is remembered. Presenting a remembered one again is a replay (a stolen token, or
 * a thief who refreshed first): the session ends for both holders, and the replay is audited.
 */
export async function refreshSession(ctx: IdentityContext, actor: Actor, refreshToken: string): Promise<IssuedSession> {
  const presented = hashToken(refreshToken);
  const { row, issued } = issue(ctx);
  const now = ctx.now();
  const rotated = await requestTransaction(ctx.db, async (tx) => {
    const [updated] = await tx
      .update(sessions)
      .set(row)
      .where(and(eq(sessions.refreshHash, presented), isNull(sessions.revokedAt), gt(sessions.refreshExpiresAt, now)))
      .returning({ id: sessions.id, personId: sessions.personId });
    if (!updated) return null;
    await tx.insert(retiredRefreshTokens).values({ refreshHash: presented, sessionId: updated.id, retiredAt: now });
    return updated;
  });
  if (rotated) {
    // A session opened before a region required a second factor of this person's roles does not
    // outlive its access token: it ends at the next refresh until they enrol.
    if (
      !(await hasSecondFactor(ctx.db, rotated.personId)) &&
      (await twoFactorRequiredFor(ctx, ctx.db, rotated.personId))
    ) {
      await ctx.db.update(sessions).set({ revokedAt: now }).where(eq(sessions.id, rotated.id));
      throw enrolmentRequired();
    }
    return issued;
  }
  await endReplayedSession(ctx, actor, presented);
  throw InvalidRefreshToken();
}

/** Ends the session a retired refresh token belonged to, if it is still live. */
async function endReplayedSession(ctx: IdentityContext, actor: Actor, presented: string): Promise<void> {
  await requestTransaction(ctx.db, async (tx) => {
    const [retired] = await tx
      .select({ sessionId: retiredRefreshTokens.sessionId })
      .from(retiredRefreshTokens)
      .where(eq(retiredRefreshTokens.refreshHash, presented))
      .limit(1);
    if (!retired) return;
    const [ended] = await tx
      .update(sessions)
      .set({ revokedAt: ctx.now() })
      .where(and(eq(sessions.id, retired.sessionId), isNull(sessions.revokedAt)))
      .returning({ personId: sessions.personId });
    if (!ended) return;
    const [person] = await tx
      .select({ regionId: people.regionId })
      .from(people)
      .where(eq(people.id, ended.personId))
      .limit(1);
    await recordAudit(tx, actor, {
      action: 'session.refresh-reused',
      subjectType: 'person',
      subjectId: ended.personId,
      regionId: person?.regionId,
      details: { session: retired.sessionId },
    });
  });
}

/**
 * Forgets the retired refresh tokens of sessions that have ended (revoked, or past their refresh
 * lifetime): replaying one of those can end nothing, and is refused as unknown. Returns how many.
 */
export async function pruneRetiredRefreshTokens(db: Database, now: Date): Promise<number> {
  const ended = db
    .select({ id: sessions.id })
    .from(sessions)
    .where(or(isNotNull(sessions.revokedAt), lte(sessions.refreshExpiresAt, now)));
  const deleted = await db
    .delete(retiredRefreshTokens)
    .where(inArray(retiredRefreshTokens.sessionId, ended))
    .returning({ hash: retiredRefreshTokens.refreshHash });
  return deleted.length;
}

export async function signOut(ctx: IdentityContext, sessionId: string): Promise<void> {
  await ctx.db.update(sessions).set({ revokedAt: ctx.now() }).where(eq(sessions.id, sessionId));
}

/** Signs the person out of every session (a lost phone, a changed password). */
export async function signOutEverywhere(ctx: IdentityContext, actor: Actor, personId: string): Promise<number> {
  return requestTransaction(ctx.db, async (tx) => {
    const revoked = await tx
      .update(sessions)
      .set({ revokedAt: ctx.now() })
      .where(and(eq(sessions.personId, personId), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    await recordAudit(tx, actor, {
      action: 'session.signed-out-everywhere',
      subjectType: 'person',
      subjectId: personId,
      details: { sessions: revoked.length },
    });
    return revoked.length;
  });
}

export function toScope(scopeType: string, scopeId: string | null): Scope {
  if (scopeType === 'platform' || !scopeId) return { type: 'platform' };
  return { type: scopeType as 'region' | 'institution' | 'group', id: scopeId };
}

/** Active role grants of a person, with the permissions each role carries on this platform. */
const activeGrants = perDatabase((db: Database) =>
  db
    .select({ role: roleGrants.role, scopeType: roleGrants.scopeType, scopeId: roleGrants.scopeId })
    .from(roleGrants)
    .where(and(eq(roleGrants.personId, sql.placeholder('personId')), isNull(roleGrants.revokedAt)))
    .prepare('lifelong_active_grants'),
);

export async function grantsOf(db: Database, registry: PermissionRegistry, personId: string): Promise<RoleGrant[]> {
  const rows = await activeGrants(db).execute({ personId });
  return rows.map((r) => ({
    role: r.role,
    scope: toScope(r.scopeType, r.scopeId),
    permissions: registry.permissionsOf(r.role),
  }));
}

const liveSession = perDatabase((db: Database) =>
  db
    .select({ sessionId: sessions.id, personId: people.id, learnerNumber: people.learnerNumber, status: people.status })
    .from(sessions)
    .innerJoin(people, eq(people.id, sessions.personId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('hash')),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql.placeholder('now')),
      ),
    )
    .limit(1)
    .prepare('lifelong_live_session'),
);

/** The person behind a valid, unexpired, unrevoked session token, or null. */
export async function resolveSession(ctx: IdentityContext, token: string): Promise<Principal | null> {
  if (!token.startsWith(SESSION_PREFIX)) return null;
  // An ISO string, not a Date: placeholders skip the column's encoder, and postgres.js cannot type a bare Date.
  const [row] = await liveSession(ctx.db).execute({ hash: hashToken(token), now: ctx.now().toISOString() });
  if (!row || isTombstone(row.status)) return null;
  return {
    kind: 'person',
    id: row.personId,
    learnerNumber: row.learnerNumber,
    sessionId: row.sessionId,
    roles: await grantsOf(ctx.db, ctx.permissions, row.personId),
  };
}

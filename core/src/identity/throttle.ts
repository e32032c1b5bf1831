import { inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { signInThrottles } from './schema.js';

/**
 * Failures allowed before back-off starts: few per account (guessing one person's password), many
 * per address (a school's NAT puts hundreds of honest people behind one address).
 */
export const FREE_FAILURES = { account: 5, address: 50 } as const;
export const MAX_LOCK_SECONDS = 15 * 60;

export interface ThrottleKey {
  key: string;
  freeFailures: number;
}

/** The keys a sign-in counts against; an unknown address (no socket, untrusted proxy) is not one. */
export function throttleKeys(learnerNumber: string, address: string | undefined): ThrottleKey[] {
  const keys: ThrottleKey[] = [{ key: `account:${learnerNumber}`, freeFailures: FREE_FAILURES.account }];
  if (address && address !== 'unknown') keys.push({ key: `address:${address}`, freeFailures: FREE_FAILURES.address });
  return keys;
}

/** Seconds locked after `failures` consecutive failures: 1, 2, 4, ... capped at 15 minutes. */
export function lockSeconds(failures: number, freeFailures: number): number {
  return failures < freeFailures ? 0 : Math.min(2 ** (failures - freeFailures), MAX_LOCK_SECONDS);
}

/** Seconds until the first of `keys` unlocks, or 0 when none is locked. */
export async function lockedFor(db: Queryable, keys: ThrottleKey[], now: Date): Promise<number> {
  const rows = await db
    .select({ lockedUntil: signInThrottles.lockedUntil })
    .from(signInThrottles)
    .where(
      inArray(
        signInThrottles.key,
        keys.map((k) => k.key),
      ),
    );
  const waits = rows.map((r) => (r.lockedUntil ? Math.ceil((r.lockedUntil.getTime() - now.getTime()) / 1000) : 0));
  return Math.max(0, ...waits);
}

/** Counts a failure against each key and locks it per `lockSeconds`. */
export async function recordFailure(db: Queryable, keys: ThrottleKey[], now: Date): Promise<void> {
  for (const { key, freeFailures } of keys) {
    await db
      .insert(signInThrottles)
      .values({ key, failures: 1, lastFailureAt: now, lockedUntil: null })
      .onConflictDoUpdate({
        target: signInThrottles.key,
        set: {
          failures: sql`${signInThrottles.failures} + 1`,
          lastFailureAt: now,
          lockedUntil: sql`case when ${signInThrottles.failures} + 1 >= ${freeFailures}
            then ${now.toISOString()}::timestamptz + make_interval(secs => least(power(2, ${signInThrottles.failures} + 1 - ${freeFailures}), ${MAX_LOCK_SECONDS}))
            else null end`,
        },
      });
  }
}

/** A successful sign-in clears the account's counter (not the address's: one account's success
 * says nothing about the other accounts an address may be guessing at). */
export async function clearFailures(db: Queryable, key: string): Promise<void> {
  await db.delete(signInThrottles).where(inArray(signInThrottles.key, [key]));
}

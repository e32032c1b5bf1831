import type { Database, Transaction } from './database.js';

/** The SQLSTATE of a driver error, looking through drizzle's wrapping. */
export function sqlState(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * A deadlock (40P01) or serialization failure (40001): PostgreSQL aborted the transaction only
 * because of another one running at the same time, so running it again is correct.
 */
export function isTransientConflict(error: unknown): boolean {
  const state = sqlState(error);
  return state === '40P01' || state === '40001';
}

export interface RetryOptions {
  /** How many times to run the transaction at most (default 5). */
  attempts?: number;
  /** Which failures to retry (default: deadlocks and serialization failures). */
  retryOn?: (error: unknown) => boolean;
  /** The error thrown once the attempts are used up (default: the last failure itself). */
  giveUp?: (error: unknown, attempts: number) => unknown;
}

/**
 * Runs `attempt` and, when it fails with a retryable conflict, again after a random back-off
 * ("full jitter", doubling up to 64 ms) so that the transactions that collided do not collide
 * again in step. `attempt` must start a fresh transaction each time and have no effects outside it.
 */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  { attempts = 5, retryOn = isTransientConflict, giveUp = (error) => error }: RetryOptions = {},
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!retryOn(error)) throw error;
      if (n >= attempts) throw giveUp(error, attempts);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 ** Math.min(n, 6)));
    }
  }
}

/**
 * `db.transaction(fn)`, run again from the start on a deadlock or serialization failure.
 *
 * @example
 * await retryTransaction(db, async (tx) => {
 *   await tx.insert(enrolments).values(row);
 *   await ledger.transfer(tx, [{ id, debitAccountId, creditAccountId, amount: 100n, code: 1 }]);
 * });
 */
export function retryTransaction<T>(
  db: Database,
  fn: (tx: Transaction) => Promise<T>,
  options?: RetryOptions,
): Promise<T> {
  return withRetry(() => db.transaction(fn), options);
}

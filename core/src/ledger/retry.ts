import type { Database, Transaction } from '../db/database.js';
import { LedgerBusy } from './errors.js';

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
 * Failures where running the same transaction again is correct: deadlock, serialization
 * failure, and a unique violation (two transactions creating the same transfer id at once: the
 * retry sees the committed one and answers `exists`).
 */
export function isRetryable(error: unknown): boolean {
  const state = sqlState(error);
  return state === '40P01' || state === '40001' || state === '23505';
}

export interface RetryOptions {
  attempts?: number;
}

/**
 * Runs `fn` in a transaction and runs it again, after a short random backoff, when the database
 * reports a retryable conflict. `fn` must have no effects outside the transaction.
 *
 * @example
 * await runInTransaction(db, async (tx) => {
 *   await tx.insert(enrolments).values(row);
 *   await ledger.transfer(tx, [{ id, debitAccountId, creditAccountId, amount: 100n, code: 1 }]);
 * });
 */
export async function runInTransaction<T>(
  db: Database,
  fn: (tx: Transaction) => Promise<T>,
  { attempts = 10 }: RetryOptions = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(fn);
    } catch (error) {
      if (!isRetryable(error)) throw error;
      if (attempt >= attempts) {
        throw LedgerBusy({
          detail: `Gave up after ${attempts} attempts.`,
          cause: error,
          headers: { 'Retry-After': '1' },
        });
      }
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 ** Math.min(attempt, 6)));
    }
  }
}

import type { Database, Transaction } from '../db/database.js';
import { isTransientConflict, type RetryOptions, retryTransaction, sqlState } from '../db/retry-transaction.js';
import { LedgerBusy } from './errors.js';

export { sqlState } from '../db/retry-transaction.js';

/**
 * Failures where running the same ledger transaction again is correct: deadlock, serialization
 * failure, and a unique violation (two transactions creating the same transfer id at once: the
 * retry sees the committed one and answers `exists`).
 */
export function isRetryable(error: unknown): boolean {
  return isTransientConflict(error) || sqlState(error) === '23505';
}

/**
 * Runs `fn` in a transaction and runs it again, after a short random backoff, when the database
 * reports a retryable conflict (`isRetryable`); gives up with `LEDGER_BUSY` (503). `fn` must have
 * no effects outside the transaction.
 *
 * @example
 * await runInTransaction(db, async (tx) => {
 *   await tx.insert(enrolments).values(row);
 *   await ledger.transfer(tx, [{ id, debitAccountId, creditAccountId, amount: 100n, code: 1 }]);
 * });
 */
export function runInTransaction<T>(
  db: Database,
  fn: (tx: Transaction) => Promise<T>,
  { attempts = 10 }: Pick<RetryOptions, 'attempts'> = {},
): Promise<T> {
  return retryTransaction(db, fn, {
    attempts,
    retryOn: isRetryable,
    giveUp: (error) =>
      LedgerBusy({ detail: `Gave up after ${attempts} attempts.`, cause: error, headers: { 'Retry-After': '1' } }),
  });
}

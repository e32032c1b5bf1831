import { AsyncLocalStorage } from 'node:async_hooks';
import { RequestTimedOut } from '../errors/core-errors.js';
import type { Queryable, Transaction } from './database.js';
import { retryTransaction, withRetry } from './retry-transaction.js';

/**
 * Work that rides along in a request's first committed transaction (an Idempotency-Key's
 * claim), so that it commits or rolls back with the request's effects.
 */
export interface TransactionClaim {
  /** Runs first in the transaction, as the platform's role; throw to roll the transaction back. */
  insert(tx: Transaction): Promise<void>;
  /** Set once a transaction that ran `insert` has committed: later transactions skip it. */
  committed: boolean;
  /** Cleared when the request's handler has returned: nothing that outlives it may take the claim. */
  open: boolean;
}

/** What the request paths' transactions know about their request. */
export interface RequestScope {
  /** Set when the request has been answered 503: its transactions must not commit. */
  timedOut: boolean;
  /** Transactions of this request whose body has finished and whose COMMIT is on its way. */
  committing: number;
  claim?: TransactionClaim;
}

const scopes = new AsyncLocalStorage<RequestScope>();

/** Runs `fn` as one request (the deadline middleware does, for every HTTP request). */
export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return scopes.run(scope, fn);
}

/** The scope of the request being served, if any. */
export const currentRequestScope = (): RequestScope | undefined => scopes.getStore();

/**
 * Runs `fn` outside any request: for work shared by several requests (the ledger's group
 * commit), which one request's timeout must not roll back nor its claim join.
 */
export function outsideRequestScope<T>(fn: () => T): T {
  return scopes.exit(fn);
}

/** A drizzle transaction (whose `transaction()` opens a savepoint) rather than the database. */
const isTransaction = (q: Queryable): q is Transaction => typeof (q as Partial<Transaction>).rollback === 'function';

/**
 * The transaction every request path runs its writes in (core services, core routes, the plugin
 * runtime). It is `db.transaction(fn)` plus what a request needs:
 * - run again from the start on a deadlock or serialization failure (`retryTransaction`), so
 *   `fn` must have no effects outside the transaction;
 * - refuse to commit (throw `REQUEST_TIMED_OUT`, rolling back) once the request has been
 *   answered 503 by its deadline, and count as "committing" otherwise, so that a request whose
 *   COMMIT is on its way is answered normally;
 * - carry the request's pending claim (an Idempotency-Key), inserted first.
 * Called with a transaction, it opens a savepoint: the outermost transaction retries and commits.
 *
 * @example
 * return requestTransaction(ctx.db, async (tx) => {
 *   const [row] = await tx.insert(groups).values(values).returning();
 *   await ctx.events.emit(tx, GroupCreated, { groupId: row.id });
 *   return row;
 * });
 */
export function requestTransaction<T>(db: Queryable, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  if (isTransaction(db)) return db.transaction(fn);
  const scope = scopes.getStore();
  if (!scope) return retryTransaction(db, fn);
  return withRetry(async () => {
    let committing = false;
    let claimed: TransactionClaim | undefined;
    try {
      const result = await db.transaction(async (tx) => {
        const claim = scope.claim;
        if (claim?.open && !claim.committed) {
          await claim.insert(tx);
          claimed = claim;
        }
        const value = await fn(tx);
        if (scope.timedOut) throw RequestTimedOut({ detail: 'The request timed out before its commit.' });
        // The COMMIT is sent when this callback returns: from now on the write may be done.
        committing = true;
        scope.committing++;
        return value;
      });
      if (claimed) claimed.committed = true;
      return result;
    } finally {
      if (committing) scope.committing--;
    }
  });
}

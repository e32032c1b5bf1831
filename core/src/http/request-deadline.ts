import { AsyncLocalStorage } from 'node:async_hooks';
import type { MiddlewareHandler } from 'hono';
import type { Database } from '../db/database.js';
import { RequestTimedOut } from '../errors/core-errors.js';
import type { AppEnv } from './app-env.js';

interface Deadline {
  /** Set when the request has been answered 503: its transactions must not commit. */
  timedOut: boolean;
  /** Transactions of this request whose body has finished and whose COMMIT is on its way. */
  committing: number;
}

const deadlines = new AsyncLocalStorage<Deadline>();

/**
 * Answers 503 `REQUEST_TIMED_OUT` (with Retry-After) when the handler has not answered within
 * `timeoutMs`, and makes the handler's transaction roll back instead of committing, so a client
 * told "failed" never finds the write done. A transaction already committing when time runs out
 * is let finish and the request answered normally: "timed out" must never mean "maybe written".
 */
export function requestDeadline(timeoutMs: number): MiddlewareHandler<AppEnv> {
  return async function enforceDeadline(_c, next) {
    if (timeoutMs === 0) return next();
    const deadline: Deadline = { timedOut: false, committing: 0 };
    const handled = deadlines.run(deadline, () => next());
    // The handler runs on after a timeout; its late failure must not be an unhandled rejection.
    handled.catch(() => {});
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<'expired'>((resolve) => {
      timer = setTimeout(() => resolve('expired'), timeoutMs);
    });
    try {
      const first = await Promise.race([handled.then(() => 'handled' as const), expired]);
      if (first === 'handled' || deadline.committing > 0) return await handled;
    } finally {
      clearTimeout(timer);
    }
    deadline.timedOut = true;
    throw RequestTimedOut({
      detail: `No answer within ${timeoutMs} ms; nothing was written. Retry shortly.`,
      headers: { 'Retry-After': '5' },
    });
  };
}

/**
 * Runs `fn` outside any request's deadline: for work shared by several requests (the ledger's
 * group commit), which one request's timeout must not roll back.
 */
export function outsideRequestDeadline<T>(fn: () => T): T {
  return deadlines.exit(fn);
}

const GUARDED = Symbol('lifelong.requestDeadline');

/**
 * Makes `db.transaction()` refuse to commit once its request has timed out (it throws, so the
 * transaction rolls back). Nested transactions (savepoints) go through the outer one's commit.
 */
export function guardTransactions(db: Database): void {
  const guarded = db as Database & { [GUARDED]?: true };
  if (guarded[GUARDED]) return;
  guarded[GUARDED] = true;
  const original = db.transaction.bind(db);
  db.transaction = ((fn, config) => {
    const deadline = deadlines.getStore();
    if (!deadline) return original(fn, config);
    let committing = false;
    return original(async (tx) => {
      const result = await fn(tx);
      if (deadline.timedOut) throw RequestTimedOut({ detail: 'The request timed out before its commit.' });
      committing = true;
      deadline.committing++;
      return result;
    }, config).finally(() => {
      if (committing) deadline.committing--;
    });
  }) as Database['transaction'];
}

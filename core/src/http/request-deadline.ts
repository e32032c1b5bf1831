import type { MiddlewareHandler } from 'hono';
import { type RequestScope, runInRequestScope } from '../db/request-transaction.js';
import { RequestTimedOut } from '../errors/core-errors.js';
import type { AppEnv } from './app-env.js';

/**
 * Answers 503 `REQUEST_TIMED_OUT` (with Retry-After) when the handler has not answered within
 * `timeoutMs`, and makes the handler's transactions roll back instead of committing, so a client
 * told "failed" never finds the write done. A transaction already committing when time runs out
 * is let finish and the request answered normally: "timed out" must never mean "maybe written".
 *
 * Only transactions run through `requestTransaction` (db/request-transaction.ts) know the
 * deadline: every request path opens its transactions with it. The scope is opened even without
 * a deadline (`timeoutMs` 0), since the request's Idempotency-Key claim travels in it too.
 */
export function requestDeadline(timeoutMs: number): MiddlewareHandler<AppEnv> {
  return async function enforceDeadline(_c, next) {
    const scope: RequestScope = { timedOut: false, committing: 0 };
    if (timeoutMs === 0) return runInRequestScope(scope, () => next());
    const handled = runInRequestScope(scope, () => next());
    // The handler runs on after a timeout; its late failure must not be an unhandled rejection.
    handled.catch(() => {});
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<'expired'>((resolve) => {
      timer = setTimeout(() => resolve('expired'), timeoutMs);
    });
    try {
      const first = await Promise.race([handled.then(() => 'handled' as const), expired]);
      if (first === 'handled' || scope.committing > 0) return await handled;
    } finally {
      clearTimeout(timer);
    }
    scope.timedOut = true;
    throw RequestTimedOut({
      detail: `No answer within ${timeoutMs} ms; nothing was written. Retry shortly.`,
      headers: { 'Retry-After': '5' },
    });
  };
}

import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import type { AppEnv } from './app-env.js';

/**
 * Logs one line per request: its id, method, path (never the query string, which may hold
 * personal data), status and duration. No child logger per request: pino's child() copies the
 * bindings and redaction setup, a measurable share of a small request's cost (docs/PERFORMANCE.md).
 */
export function requestLogger(logger: Logger): MiddlewareHandler<AppEnv> {
  return async function logRequest(c, next) {
    const started = performance.now();
    await next();
    const principal = c.get('principal');
    logger.info(
      {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        principal: principal && principal.kind !== 'anonymous' ? principal.id : undefined,
      },
      'request',
    );
  };
}

import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import type { AppEnv } from './app-env.js';

/**
 * Logs one line per request: its id, method, path (never the query string, which may hold
 * personal data; secret path segments redacted by `redactPath`), status and duration. No child logger per request: pino's child() copies the
 * bindings and redaction setup, a measurable share of a small request's cost (docs/PERFORMANCE.md).
 */
export function requestLogger(
  logger: Logger,
  redactPath: (path: string) => string = (path) => path,
): MiddlewareHandler<AppEnv> {
  return async function logRequest(c, next) {
    const started = performance.now();
    await next();
    const principal = c.get('principal');
    logger.info(
      {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: redactPath(c.req.path),
        status: c.res.status,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        principal: principal && principal.kind !== 'anonymous' ? principal.id : undefined,
      },
      'request',
    );
  };
}

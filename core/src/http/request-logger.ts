import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import type { AppEnv } from './app-env.js';

/**
 * Gives each request a child logger carrying its request id, and logs one line per request:
 * method, path (never the query string, which may hold personal data), status and duration.
 */
export function requestLogger(logger: Logger): MiddlewareHandler<AppEnv> {
  return async function logRequest(c, next) {
    const started = performance.now();
    const log = logger.child({ requestId: c.get('requestId') });
    c.set('logger', log);
    await next();
    const principal = c.get('principal');
    log.info(
      {
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

import { ServiceUnavailable } from '../errors/core-errors.js';
import { type RouteGroup, route } from '../http/route.js';
import * as contract from './contract.js';

export interface HealthChecks {
  /** Resolves when the database answers; rejects otherwise. */
  database: () => Promise<void>;
  /** True once shutdown has begun: load balancers should stop sending traffic. */
  stopping: () => boolean;
}

const READY_TIMEOUT_MS = 2000;
/** How long a successful database check answers readiness probes without asking again. */
export const READY_FRESH_MS = 250;

/**
 * A check shared by concurrent callers: one database round trip answers every probe in flight,
 * and a success answers the probes of the next `freshMs` too. A failure is never reused, so an
 * outage shows at the next probe after the fresh window. Load balancers probing every second and
 * a flood of probes alike cost the database at most one query per window.
 */
export function sharedCheck(check: () => Promise<void>, freshMs: number, now = () => performance.now()) {
  let okAt = Number.NEGATIVE_INFINITY;
  let inFlight: Promise<void> | undefined;
  return (): Promise<void> => {
    if (now() - okAt < freshMs) return Promise.resolve();
    inFlight ??= check()
      .then(() => {
        okAt = now();
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** `/health/live` (the process answers) and `/health/ready` (it can serve: database reachable). */
export function healthRoutes(checks: HealthChecks): RouteGroup {
  const database = sharedCheck(() => withTimeout(checks.database(), READY_TIMEOUT_MS), READY_FRESH_MS);
  return {
    prefix: '',
    tag: 'Health',
    description: 'Liveness and readiness probes for orchestrators and load balancers.',
    routes: [
      route(contract.live, () => ({ status: 200, body: { status: 'ok' as const } })),
      route(contract.ready, async () => {
        if (checks.stopping()) {
          throw ServiceUnavailable({ detail: 'The platform is shutting down.', headers: { 'Retry-After': '5' } });
        }
        try {
          await database();
        } catch {
          throw ServiceUnavailable({ detail: 'The database is not reachable.', headers: { 'Retry-After': '5' } });
        }
        return { status: 200, body: { status: 'ok' as const } };
      }),
    ],
  };
}

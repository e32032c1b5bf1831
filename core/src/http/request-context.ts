import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { Actor } from '../audit/record.js';
import { Forbidden, Unauthenticated, ValidationFailed } from '../errors/core-errors.js';
import type { AuthenticatedPrincipal } from '../identity/principal.js';
import { REGION_ID_PATTERN } from '../regions/region-id.js';
import type { AppEnv } from './app-env.js';

const REGION_PATTERN = new RegExp(REGION_ID_PATTERN);

/** The region a request addresses: the `Lifelong-Region` header, else `default`. */
export function requestRegion(c: Context<AppEnv>): string {
  const header = c.req.header('lifelong-region');
  if (header === undefined || header === '') return 'default';
  if (!REGION_PATTERN.test(header)) {
    throw ValidationFailed({
      errors: [{ path: '/headers/lifelong-region', rule: 'pattern', message: 'Not a valid region id' }],
    });
  }
  return header;
}

/** The client's address: the socket's, or the first X-Forwarded-For hop when the proxy is trusted. */
export function clientAddress(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // In-process requests (tests, app.request) have no socket.
    return 'unknown';
  }
}

/** The actor of this request, for services and the audit log. */
export function actorOf(c: Context<AppEnv>, trustProxy = false): Actor {
  return { principal: c.get('principal'), requestId: c.get('requestId'), address: clientAddress(c, trustProxy) };
}

/** The signed-in principal; 401 if anonymous (for routes whose access is already declared). */
export function signedIn(c: Context<AppEnv>): AuthenticatedPrincipal {
  const principal = c.get('principal');
  if (principal.kind === 'anonymous') throw Unauthenticated({ headers: { 'WWW-Authenticate': 'Bearer' } });
  return principal;
}

/**
 * The signed-in person: 401 if anonymous, 403 (with `detail`) for an API key, which acts for an
 * institution or a service and has no inbox, contacts or password of its own.
 */
export function signedInPerson(c: Context<AppEnv>, detail: string) {
  const principal = signedIn(c);
  if (principal.kind !== 'person') throw Forbidden({ detail });
  return principal;
}

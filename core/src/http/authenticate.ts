import type { Context, MiddlewareHandler } from 'hono';
import { Unauthenticated } from '../errors/core-errors.js';
import { ANONYMOUS, type Principal } from '../identity/principal.js';
import type { AppEnv } from './app-env.js';

export interface AuthenticateOptions {
  /** Finds the principal behind a bearer token (API key or session), or null. */
  resolveToken: (token: string) => Promise<Principal | null>;
  /**
   * True for requests to routes that read the `Authorization` header themselves (access
   * `{ credentials }`): they stay anonymous here, whatever the header holds.
   */
  ownCredentials?: (c: Context<AppEnv>) => boolean;
}

const BEARER = /^Bearer\s+([\x21-\x7e]{1,512})$/i;

/**
 * Sets `principal` for the request: anonymous without an `Authorization` header; the token's
 * principal with a valid bearer token; a 401 problem for a malformed, unknown or revoked token
 * (never silently anonymous, so a client with a stale token finds out at once).
 */
export function authenticate({ resolveToken, ownCredentials }: AuthenticateOptions): MiddlewareHandler<AppEnv> {
  return async function authenticateRequest(c, next) {
    const header = c.req.header('authorization');
    if (header === undefined || ownCredentials?.(c)) {
      c.set('principal', ANONYMOUS);
      return next();
    }
    const token = BEARER.exec(header)?.[1];
    const principal = token ? await resolveToken(token) : null;
    if (!principal) {
      throw Unauthenticated({
        detail: 'The bearer token is malformed, unknown, expired or revoked.',
        headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
      });
    }
    c.set('principal', principal);
    return next();
  };
}

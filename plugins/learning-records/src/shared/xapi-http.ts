import { LifelongError } from '@lifelong/core';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { credentials } from '../credentials/schema.js';
import { XapiBadRequest, XapiForbidden, XapiUnauthorized } from '../errors.js';
import type { XapiVersion } from './grammar.js';
import { secretMatches } from './secrets.js';

// The xAPI wire rules every resource under /xapi/ shares: the version header (1.0.3 6.2;
// 9274.1.1 4.1.4.1), HTTP Basic with LRS credentials (1.0.3 6.4), and the version header on
// every response, errors included.

export const VERSION_HEADER = 'X-Experience-API-Version';
export const LATEST: XapiVersion = '2.0.0';

/**
 * The version a request speaks: `1.0.x` is answered as 1.0.3, `2.0.x` as 2.0.0. A missing or
 * other version is a 400 (the LRS "MUST reject requests with version header prior to 1.0.0" and
 * "without the header").
 */
export function requestVersion(ctx: Ctx): XapiVersion {
  const header = ctx.c.req.header(VERSION_HEADER)?.trim();
  if (header && /^1\.0(\.\d+)?$/.test(header)) return '1.0.3';
  if (header && /^2\.0(\.\d+)?$/.test(header)) return '2.0.0';
  throw XapiBadRequest({
    detail: header
      ? `${VERSION_HEADER} "${header}" is not supported: send 1.0.x or 2.0.x.`
      : `The ${VERSION_HEADER} header is required (1.0.3 or 2.0.0).`,
    errors: [{ path: `/headers/${VERSION_HEADER}`, rule: 'version', message: 'Send 1.0.x or 2.0.x' }],
  });
}

export type CredentialRow = typeof credentials.$inferSelect;
export type Need = 'statements/read' | 'statements/write' | 'state' | 'profile';

const unauthorized = (detail: string) =>
  XapiUnauthorized({ detail, headers: { 'WWW-Authenticate': 'Basic realm="xAPI", charset="UTF-8"' } });

/** The LRS credential behind `Authorization: Basic key:secret`; 401 when absent, unknown, revoked or wrong. */
export async function lrsCredential(ctx: Ctx): Promise<CredentialRow> {
  const header = ctx.c.req.header('authorization') ?? '';
  const encoded = /^Basic\s+([A-Za-z0-9+/=_-]{1,700})$/i.exec(header)?.[1];
  if (!encoded) throw unauthorized('Send LRS credentials as HTTP Basic (key:secret).');
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const key = colon > 0 ? decoded.slice(0, colon) : '';
  const secret = colon > 0 ? decoded.slice(colon + 1) : '';
  if (!/^[0-9a-f]{24}$/.test(key)) throw unauthorized('Unknown LRS credentials.');
  const [row] = await ctx.db.select().from(credentials).where(eq(credentials.key, key));
  if (!row || row.revokedAt !== null || !secretMatches(secret, row.secretHash)) {
    throw unauthorized('Unknown, revoked or wrong LRS credentials.');
  }
  return row;
}

/** Whether the credential's scopes allow reading (everything, or only its own) or writing statements. */
export function scopeFor(row: CredentialRow, need: Need, reading = false): 'all' | 'mine' {
  const has = (s: string) => row.scopes.includes(s);
  if (need === 'statements/write') {
    if (has('all') || has('statements/write')) return 'all';
  } else if (need === 'state' || need === 'profile') {
    if (has('all') || has(need) || (reading && has('all/read'))) return 'all';
  } else {
    if (has('all') || has('all/read') || has('statements/read')) return 'all';
    if (has('statements/read/mine')) return 'mine';
  }
  throw XapiForbidden({ detail: `This credential's scopes (${row.scopes.join(', ')}) do not include ${need}.` });
}

/**
 * Runs an xAPI handler: credentials first (so nothing but 401 reaches a caller without them),
 * then the version header, so that every answer, errors included, carries the version header
 * (the request's, or the newest when the request's own is what is wrong).
 */
export async function xapi<T extends { status: number; headers?: Record<string, string> } | { response: Response }>(
  ctx: Ctx,
  handle: (version: XapiVersion, credential: CredentialRow) => Promise<T>,
  /** Headers every answer carries, errors included (GET statements' Consistent-Through). */
  always: Record<string, string> = {},
): Promise<T> {
  let version: XapiVersion = LATEST;
  try {
    try {
      version = requestVersion(ctx);
    } catch {
      // Answered below, once the credentials are known to be good.
    }
    const credential = await lrsCredential(ctx);
    version = requestVersion(ctx);
    const reply = await handle(version, credential);
    if ('response' in reply) {
      for (const [name, value] of Object.entries({ ...always, [VERSION_HEADER]: version })) {
        reply.response.headers.set(name, value);
      }
      return reply;
    }
    return { ...reply, headers: { ...always, ...reply.headers, [VERSION_HEADER]: version } };
  } catch (error) {
    if (!(error instanceof LifelongError)) throw error;
    throw new LifelongError(error.code, error.status, error.title, {
      detail: error.detail,
      errors: error.errors,
      extensions: error.extensions,
      cause: error.cause,
      headers: { ...always, ...error.headers, [VERSION_HEADER]: version },
    });
  }
}

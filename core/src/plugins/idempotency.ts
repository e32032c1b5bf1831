import { createHash } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import type { Queryable } from '../db/database.js';
import { IdempotencyKeyReused, ValidationFailed } from '../errors/core-errors.js';
import { sha256Hex } from '../files/file-store.js';
import type { AppEnv } from '../http/app-env.js';
import type { Upload } from '../http/route.js';
import type { AuthenticatedPrincipal } from '../identity/principal.js';
import { keyDigest, openAnswer, sealAnswer } from './idempotency-seal.js';
import { idempotencyKeys } from './schema.js';

/** Printable ASCII without spaces, as the IETF Idempotency-Key draft suggests. */
const KEY = /^[\x21-\x7e]{1,255}$/;

/** How long a key is remembered. Retries come within minutes; a day leaves room for outages. */
export const IDEMPOTENCY_RETENTION_HOURS = 24;

/** The request's `Idempotency-Key`, checked; undefined when it sent none. */
export function idempotencyKeyOf(c: Context<AppEnv>): string | undefined {
  const key = c.req.header('idempotency-key');
  if (key === undefined) return undefined;
  if (!KEY.test(key)) {
    throw ValidationFailed({
      errors: [
        {
          path: '/headers/idempotency-key',
          rule: 'pattern',
          message: 'Expected 1 to 255 printable ASCII characters without spaces',
        },
      ],
    });
  }
  return key;
}

/** Whose keys these are: keys are scoped to the caller, so two callers' keys never collide. */
export const keyOwner = (principal: AuthenticatedPrincipal) => `${principal.kind}:${principal.id}`;

/** A fingerprint of what was asked: the same key with a different request is refused. */
export function requestHash(
  method: string,
  path: string,
  input: { params?: unknown; query?: unknown; body?: unknown; upload?: Upload | undefined },
): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        method.toUpperCase(),
        path,
        input.params ?? null,
        input.query ?? null,
        input.body ?? null,
        input.upload ? [input.upload.contentType, sha256Hex(input.upload.bytes)] : null,
      ]),
    )
    .digest('hex');
}

export interface IdempotentRequest {
  owner: string;
  /** The Idempotency-Key as sent; stored only as its digest (idempotency-seal.ts). */
  key: string;
  method: string;
  /** The route's template (`/v1/notes/notes/{id}`), never the request's path: a path may hold a token. */
  route: string;
  hash: string;
}

const storedKey = (request: IdempotentRequest) =>
  and(eq(idempotencyKeys.principal, request.owner), eq(idempotencyKeys.key, keyDigest(request.key)));

/**
 * Claims the key inside the request's transaction. A concurrent request with the same key waits
 * here until the first one's transaction ends: if it committed, its stored answer is replayed;
 * if it rolled back, the claim succeeds and this request runs. So a key's effects happen once.
 */
export async function claimKey(
  tx: Queryable,
  request: IdempotentRequest,
): Promise<{ claimed: true } | { claimed: false; status: number; body: unknown }> {
  const inserted = await tx
    .insert(idempotencyKeys)
    .values({
      principal: request.owner,
      key: keyDigest(request.key),
      method: request.method,
      path: request.route,
      requestHash: request.hash,
      status: 0,
    })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (inserted.length > 0) return { claimed: true };
  const [stored] = await tx.select().from(idempotencyKeys).where(storedKey(request)).limit(1);
  if (!stored || stored.requestHash !== request.hash) {
    throw IdempotencyKeyReused({
      detail: 'This Idempotency-Key was used for a different request; send a new key for a new request.',
    });
  }
  return { claimed: false, status: stored.status, body: openAnswer(request.owner, request.key, stored.body) };
}

/** Stores the answer (sealed) with the claim, in the same transaction as the request's effects. */
export async function recordAnswer(tx: Queryable, request: IdempotentRequest, status: number, body: unknown) {
  await tx
    .update(idempotencyKeys)
    .set({ status, body: sealAnswer(request.owner, request.key, body) })
    .where(storedKey(request));
}

/** Releases a claim whose answer cannot be replayed (a raw response such as a file). */
export async function releaseKey(tx: Queryable, request: IdempotentRequest) {
  await tx.delete(idempotencyKeys).where(storedKey(request));
}

/** Forgets keys older than the retention; returns how many. */
export async function pruneIdempotencyKeys(db: Queryable): Promise<number> {
  const deleted = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, sql`now() - make_interval(hours => ${IDEMPOTENCY_RETENTION_HOURS})`))
    .returning({ key: idempotencyKeys.key });
  return deleted.length;
}

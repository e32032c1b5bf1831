import { createHash } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import type { Database, Queryable } from '../db/database.js';
import { currentRequestScope, runInRequestScope, type TransactionClaim } from '../db/request-transaction.js';
import { IdempotencyKeyInProgress, IdempotencyKeyReused, ValidationFailed } from '../errors/core-errors.js';
import { sha256Hex } from '../files/file-store.js';
import type { AuthenticatedPrincipal } from '../identity/principal.js';
import { idempotencyKeys } from '../plugins/schema.js';
import type { AppEnv } from './app-env.js';
import { keyDigest, openAnswer, sealAnswer } from './idempotency-seal.js';
import type { AnyRoute, RouteGroup, StagedUpload, Upload } from './route.js';

/*
 * `Idempotency-Key` on every POST route, the core's and plugins' alike: a retried request with
 * the same key gets the first answer again (marked `Idempotent-Replayed: true`) instead of doing
 * its work twice. Keys are per principal, the request is fingerprinted (the same key with another
 * request is refused), and nothing is stored in the clear (idempotency-seal.ts). Anonymous
 * callers (sign-in) have nothing to scope a key to and are served without it.
 *
 * The claim commits with the request's effects: it is inserted first in the request's first
 * transaction (`requestTransaction`), so a request that rolls back leaves no claim, and a
 * concurrent duplicate waits on the claim's row until the first one's transaction ends. The
 * answer is stored just after, with the claim's row; a duplicate arriving in between waits for it
 * (up to `waitMs`, then 409 `IDEMPOTENCY_KEY_IN_PROGRESS`). A handler that writes without a
 * transaction (autocommit) gets its key remembered with its answer, after the fact.
 */

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
  input: { params?: unknown; query?: unknown; body?: unknown; upload?: Upload | StagedUpload | undefined },
): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        method.toUpperCase(),
        path,
        input.params ?? null,
        input.query ?? null,
        input.body ?? null,
        input.upload
          ? [input.upload.contentType, 'sha256' in input.upload ? input.upload.sha256 : sha256Hex(input.upload.bytes)]
          : null,
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

/** The key's row, if some request claimed it. */
async function lookUp(db: Queryable, request: IdempotentRequest) {
  const [stored] = await db.select().from(idempotencyKeys).where(storedKey(request)).limit(1);
  return stored;
}

/** Inserts the key's row; false when it is taken (after waiting for the taker's transaction). */
async function insertKey(db: Queryable, request: IdempotentRequest, status: number, body: unknown): Promise<boolean> {
  const inserted = await db
    .insert(idempotencyKeys)
    .values({
      principal: request.owner,
      key: keyDigest(request.key),
      method: request.method,
      path: request.route,
      requestHash: request.hash,
      status,
      body: sealAnswer(request.owner, request.key, body),
    })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  return inserted.length > 0;
}

/** Stores the answer (sealed) with a committed claim. */
async function recordAnswer(db: Queryable, request: IdempotentRequest, status: number, body: unknown) {
  await db
    .update(idempotencyKeys)
    .set({ status, body: sealAnswer(request.owner, request.key, body) })
    .where(storedKey(request));
}

/** Forgets a claim whose request failed after a commit, or whose answer cannot be replayed (a file). */
async function releaseKey(db: Queryable, request: IdempotentRequest) {
  await db.delete(idempotencyKeys).where(storedKey(request));
}

/** Forgets keys older than the retention; returns how many. */
export async function pruneIdempotencyKeys(db: Queryable): Promise<number> {
  const deleted = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, sql`now() - make_interval(hours => ${IDEMPOTENCY_RETENTION_HOURS})`))
    .returning({ key: idempotencyKeys.key });
  return deleted.length;
}

/** Thrown inside the transaction that found the key claimed by a committed request: roll back, look again. */
class KeyTaken extends Error {}

type Reply = Awaited<ReturnType<AnyRoute['handler']>>;
const TAKEN = Symbol('taken');

/** Runs the handler with the key's claim riding in its first transaction. */
async function runClaimed(
  db: Database,
  request: IdempotentRequest,
  handler: () => Promise<Reply>,
): Promise<Reply | typeof TAKEN> {
  const claim: TransactionClaim = {
    open: true,
    committed: false,
    insert: async (tx) => {
      if (!(await insertKey(tx, request, 0, null))) throw new KeyTaken();
    },
  };
  const scope = currentRequestScope();
  let reply: Reply;
  try {
    if (scope) {
      scope.claim = claim;
      reply = await handler();
    } else {
      reply = await runInRequestScope({ timedOut: false, committing: 0, claim }, handler);
    }
  } catch (error) {
    if (error instanceof KeyTaken) return TAKEN;
    // A later step failed after a commit: nothing to replay, so the key may be used again.
    if (claim.committed) await releaseKey(db, request);
    throw error;
  } finally {
    claim.open = false;
    if (scope?.claim === claim) scope.claim = undefined;
  }
  if ('response' in reply) {
    if (claim.committed) await releaseKey(db, request);
  } else if (claim.committed) {
    await recordAnswer(db, request, reply.status, reply.body);
  } else {
    await insertKey(db, request, reply.status, reply.body);
  }
  return reply;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface IdempotencyOptions {
  db: () => Database;
  /** How long a duplicate waits for the first request's answer before 409 (default 2000 ms). */
  waitMs?: number;
}

/**
 * Gives every POST route of the group the Idempotency-Key (and its errors in OpenAPI).
 *
 * @example
 * const groups = coreRouteGroups(deps).map((group) => idempotentRoutes(group, { db: () => database.db }));
 */
export function idempotentRoutes(group: RouteGroup, options: IdempotencyOptions): RouteGroup {
  return {
    ...group,
    routes: group.routes.map((route) =>
      route.method === 'post' ? idempotentRoute(group.prefix, route, options) : route,
    ),
  };
}

function idempotentRoute(prefix: string, route: AnyRoute, { db, waitMs = 2000 }: IdempotencyOptions): AnyRoute {
  const template = `${prefix}${route.path}`;
  return {
    ...route,
    errors: [...(route.errors ?? []), IdempotencyKeyReused, IdempotencyKeyInProgress],
    handler: async function idempotentHandler(input: Parameters<AnyRoute['handler']>[0], c: Context<AppEnv>) {
      const key = idempotencyKeyOf(c);
      const principal = c.get('principal');
      if (key === undefined || principal.kind === 'anonymous') return route.handler(input, c);
      const request: IdempotentRequest = {
        owner: keyOwner(principal),
        key,
        method: route.method,
        route: template,
        hash: requestHash(route.method, c.req.path, input),
      };
      const giveUpAt = Date.now() + waitMs;
      for (;;) {
        const stored = await lookUp(db(), request);
        if (!stored) {
          const reply = await runClaimed(db(), request, async () => route.handler(input, c));
          if (reply !== TAKEN) return reply;
          continue;
        }
        if (stored.requestHash !== request.hash) {
          throw IdempotencyKeyReused({
            detail: 'This Idempotency-Key was used for a different request; send a new key for a new request.',
          });
        }
        if (stored.status !== 0) {
          const body = openAnswer(request.owner, request.key, stored.body);
          return {
            status: stored.status,
            body: body === null ? undefined : body,
            headers: { 'Idempotent-Replayed': 'true' },
          };
        }
        if (Date.now() >= giveUpAt) {
          throw IdempotencyKeyInProgress({
            detail: 'The first request with this Idempotency-Key has not answered yet; retry shortly.',
            headers: { 'Retry-After': '1' },
          });
        }
        await sleep(25);
      }
    },
  };
}

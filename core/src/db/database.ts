import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { assertPostgresJsFixed } from './postgres-js-fix.js';
import { preferPrepared } from './prefer-prepared.js';

/** A drizzle database over either driver: services are written once against this type. */
export type Database = PgDatabase<PgQueryResultHKT>;

/** An open database and what the platform needs to manage it. */
export interface DatabaseHandle {
  readonly db: Database;
  readonly kind: 'postgres' | 'pglite';
  /** Where the data lives, without secrets: for start-up messages and logs. */
  readonly description: string;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL URL; when absent, an embedded PGlite database is opened. */
  url?: string | undefined;
  /** PGlite data directory, or `memory://` for an in-memory database. */
  dataDir?: string | undefined;
  /** postgres.js pool size. */
  maxConnections?: number;
  /** PGlite only: start from a dump (`dumpDataDir()`) instead of an empty cluster (fast test setup). */
  loadDataDir?: Blob | undefined;
}

/** `postgres://user:secret@host:5432/db` → `PostgreSQL at host:5432/db` (no credentials). */
export function describePostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `PostgreSQL at ${parsed.host}${parsed.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}

async function openPostgres(url: string, maxConnections: number): Promise<DatabaseHandle> {
  const { default: postgres } = await import('postgres');
  // The copy just loaded must carry the fix for a dropped connection (postgres-js-fix.ts).
  assertPostgresJsFixed();
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const client = postgres(url, {
    max: maxConnections,
    onnotice: () => {},
    connect_timeout: 5,
    // Statements are prepared (prefer-prepared.ts) to save round trips, not to reuse plans: a
    // plan PostgreSQL made generic after five small ledger batches turned 1,000-transfer
    // batches 4× slower. Planning every execution is what the unnamed statements did before.
    connection: { plan_cache_mode: 'force_custom_plan' },
    // postgres.js waits up to 20 s (growing with every failure) before reconnecting a dropped
    // connection, and queries queued on it wait as long: after a database blip requests would
    // hang. Reconnect within 1 s instead; a refused connection then fails its queries at once (503).
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1),
  });
  const db = drizzle({ client: preferPrepared(client) }) as unknown as Database;
  return {
    db,
    kind: 'postgres',
    description: describePostgresUrl(url),
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => client.end({ timeout: 5 }),
  };
}

async function openPglite(dataDir: string, loadDataDir: Blob | undefined): Promise<DatabaseHandle> {
  // Loaded only in embedded mode: PGlite is large and a PostgreSQL deployment never needs it.
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const inMemory = dataDir.startsWith('memory://');
  const location = inMemory ? dataDir : resolve(dataDir);
  if (!inMemory) await mkdir(location, { recursive: true });
  // One options object: with a separate first argument PGlite silently ignores the options.
  const client = new PGlite({ dataDir: location, ...(loadDataDir ? { loadDataDir } : {}) });
  await client.waitReady;
  const db = drizzle({ client }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    // Not part of DatabaseHandle's type: the test harness uses it to dump a template cluster.
    ...({ pglite: client } as object),
    description: inMemory ? 'PGlite (embedded, in memory)' : `PGlite (embedded) at ${location}`,
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => client.close(),
  };
}

/** Opens PostgreSQL when `url` is set, the embedded PGlite database otherwise. */
export function openDatabase({
  url,
  dataDir = '.lifelong/data',
  maxConnections = 10,
  loadDataDir,
}: DatabaseOptions = {}): Promise<DatabaseHandle> {
  return url ? openPostgres(url, maxConnections) : openPglite(dataDir, loadDataDir);
}

/**
 * The rows of a raw `db.execute()` result: postgres.js returns an array, PGlite `{ rows }`.
 * Query-builder calls (`db.select()`) return rows directly and need no help.
 */
export function resultRows<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** A transaction handle: what `db.transaction(fn)` passes to `fn`. Services that must join the
 * caller's transaction (e.g. `ledger.transfer(tx, …)`) take this. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/** Anything queries can run on: the database itself or an open transaction. */
export type Queryable = Database | Transaction;

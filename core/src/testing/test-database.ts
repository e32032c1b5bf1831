import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { coreMigrations } from '../db/core-migrations.js';
import { type DatabaseHandle, openDatabase } from '../db/database.js';
import { migrate } from '../db/migrator.js';

/** Where a test run's migrated PGlite template lives (set by the test runner's global setup). */
export const PGLITE_TEMPLATE_ENV = 'LIFELONG_TEST_PGLITE_TEMPLATE';

/**
 * Writes a PGlite cluster with the core's migrations applied to `file`. A fresh PGlite takes
 * 3–5 s to initialise, loading this dump well under 1 s: test runs make it once, in a global
 * setup, and every test file starts from it (plugins' migrations still run per platform).
 */
export async function writePgliteTemplate(file: string): Promise<void> {
  const database = await openDatabase({ dataDir: 'memory://' });
  try {
    await migrate(database.db, [coreMigrations()]);
    const client = (database as DatabaseHandle & { pglite?: { dumpDataDir(c: 'none'): Promise<Blob> } }).pglite;
    if (!client) throw new Error('not a PGlite database');
    await writeFile(file, Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer()));
  } finally {
    await database.close();
  }
}

async function templateBlob(): Promise<Blob | undefined> {
  const file = process.env[PGLITE_TEMPLATE_ENV];
  return file && existsSync(file) ? new Blob([await readFile(file)]) : undefined;
}

/**
 * An isolated database for one test file: in-memory PGlite by default; with `DATABASE_URL` set,
 * a fresh database on that server, dropped again by `close()`. The same suite runs on both.
 */
export async function createTestDatabase({
  url = process.env.DATABASE_URL,
}: {
  url?: string | undefined;
} = {}): Promise<DatabaseHandle> {
  if (!url) return openDatabase({ dataDir: 'memory://', loadDataDir: await templateBlob() });

  const { default: postgres } = await import('postgres');
  const name = `lifelong_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const handle = await openDatabase({ url: testUrl.toString(), maxConnections: 20 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const dropper = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

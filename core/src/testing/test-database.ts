import { randomBytes } from 'node:crypto';
import { type DatabaseHandle, openDatabase } from '../db/database.js';

/**
 * An isolated database for one test file: in-memory PGlite by default; with `DATABASE_URL` set,
 * a fresh database on that server, dropped again by `close()`. The same suite runs on both.
 */
export async function createTestDatabase({
  url = process.env.DATABASE_URL,
}: {
  url?: string | undefined;
} = {}): Promise<DatabaseHandle> {
  if (!url) return openDatabase({ dataDir: 'memory://' });

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

import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

export function serverUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL (see reliability/support/global-setup.ts).');
  return url;
}

export interface ScratchDatabase {
  url: string;
  name: string;
  /** A small client on the database, for assertions that read rows directly. */
  sql: postgres.Sql;
  drop(): Promise<void>;
}

/** A fresh, empty database on the DATABASE_URL server; `drop()` removes it (forcing connections off). */
export async function scratchDatabase(prefix = 'lifelong_rel'): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl(), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  const sql = postgres(url.toString(), { max: 2, onnotice: () => {} });
  return {
    url: url.toString(),
    name,
    sql,
    async drop() {
      await sql.end({ timeout: 5 });
      const dropper = postgres(serverUrl(), { max: 1, onnotice: () => {} });
      try {
        await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

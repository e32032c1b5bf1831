import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/test-database.js';
import { type DatabaseHandle, resultRows } from './database.js';
import { MigrationError, migrate } from './migrator.js';

/** Writes a drizzle-kit style migrations folder. */
async function migrationsFolder(migrations: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lifelong-migrations-'));
  await mkdir(join(dir, 'meta'));
  const entries = Object.keys(migrations).map((tag, idx) => ({ idx, version: '7', when: idx, tag, breakpoints: true }));
  await writeFile(join(dir, 'meta', '_journal.json'), JSON.stringify({ version: '7', dialect: 'postgresql', entries }));
  for (const [tag, text] of Object.entries(migrations)) await writeFile(join(dir, `${tag}.sql`), text);
  return dir;
}

let database: DatabaseHandle;
let counter = 0;
/** A package name of its own per test, so tests sharing the database do not see each other's runs. */
const uniquePackage = () => `@test/pkg-${++counter}`;
const uniqueSchema = () => `mig_test_${counter}_${Math.random().toString(36).slice(2, 8)}`;

async function tableExists(qualified: string): Promise<boolean> {
  const [row] = resultRows<{ exists: string | null }>(
    await database.db.execute(sql`select to_regclass(${qualified})::text as exists`),
  );
  return row?.exists != null;
}

async function appliedIds(pkg: string): Promise<string[]> {
  return resultRows<{ id: string }>(
    await database.db.execute(sql`select id from public.lifelong_migrations where package = ${pkg} order by id`),
  ).map((r) => r.id);
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('migrate', () => {
  it('applies pending migrations once and records each with its checksum', async () => {
    const pkg = uniquePackage();
    const schema = uniqueSchema();
    const folder = await migrationsFolder({
      '0000_a': `create schema ${schema};\n--> statement-breakpoint\ncreate table ${schema}.t (id int);`,
      '0001_b': `alter table ${schema}.t add column name text;`,
    });
    const first = await migrate(database.db, [{ package: pkg, folder }]);
    expect(first).toEqual([
      { package: pkg, id: '0000_a' },
      { package: pkg, id: '0001_b' },
    ]);
    expect(await tableExists(`${schema}.t`)).toBe(true);

    const second = await migrate(database.db, [{ package: pkg, folder }]);
    expect(second).toEqual([]);
    expect(await appliedIds(pkg)).toEqual(['0000_a', '0001_b']);
  });

  it('applies only the new migration after an upgrade', async () => {
    const pkg = uniquePackage();
    const schema = uniqueSchema();
    const v1 = { '0000_a': `create schema ${schema};` };
    await migrate(database.db, [{ package: pkg, folder: await migrationsFolder(v1) }]);
    const v2 = { ...v1, '0001_b': `create table ${schema}.added (id int);` };
    const applied = await migrate(database.db, [{ package: pkg, folder: await migrationsFolder(v2) }]);
    expect(applied).toEqual([{ package: pkg, id: '0001_b' }]);
    expect(await tableExists(`${schema}.added`)).toBe(true);
  });

  it('refuses an applied migration whose file was edited, changing nothing', async () => {
    const pkg = uniquePackage();
    const schema = uniqueSchema();
    await migrate(database.db, [
      { package: pkg, folder: await migrationsFolder({ '0000_a': `create schema ${schema};` }) },
    ]);
    const edited = await migrationsFolder({
      '0000_a': `create schema ${schema}; -- edited`,
      '0001_b': `create table ${schema}.never (id int);`,
    });
    const run = migrate(database.db, [{ package: pkg, folder: edited }]);
    await expect(run).rejects.toBeInstanceOf(MigrationError);
    await expect(run).rejects.toMatchObject({ code: 'MIGRATION_CHECKSUM_MISMATCH' });
    await expect(run).rejects.toThrow(/0000_a was edited/);
    expect(await tableExists(`${schema}.never`)).toBe(false);
    expect(await appliedIds(pkg)).toEqual(['0000_a']);
  });

  it('refuses a downgrade: the database has a migration the package no longer ships', async () => {
    const pkg = uniquePackage();
    const schema = uniqueSchema();
    const v2 = { '0000_a': `create schema ${schema};`, '0001_b': `create table ${schema}.t (id int);` };
    await migrate(database.db, [{ package: pkg, folder: await migrationsFolder(v2) }]);
    const v1 = await migrationsFolder({ '0000_a': v2['0000_a'] });
    await expect(migrate(database.db, [{ package: pkg, folder: v1 }])).rejects.toMatchObject({
      code: 'MIGRATION_UNKNOWN_APPLIED',
      message: expect.stringMatching(/downgraded/),
    });
  });

  it('rolls back the whole run when a migration fails, naming it', async () => {
    const pkg = uniquePackage();
    const schema = uniqueSchema();
    const folder = await migrationsFolder({
      '0000_ok': `create schema ${schema};`,
      '0001_broken': `create table ${schema}.t (id int);\n--> statement-breakpoint\nselect * from no_such_table;`,
    });
    await expect(migrate(database.db, [{ package: pkg, folder }])).rejects.toMatchObject({
      code: 'MIGRATION_FAILED',
      message: expect.stringMatching(new RegExp(`${pkg} migration 0001_broken failed`)),
    });
    expect(await appliedIds(pkg)).toEqual([]);
    expect(await tableExists(`${schema}.t`)).toBe(false);
  });

  it('applies packages in the order given, so a dependency migrates first', async () => {
    const base = uniquePackage();
    const dependent = uniquePackage();
    const schema = uniqueSchema();
    const applied = await migrate(database.db, [
      { package: base, folder: await migrationsFolder({ '0000_base': `create schema ${schema};` }) },
      { package: dependent, folder: await migrationsFolder({ '0000_dep': `create table ${schema}.t (id int);` }) },
    ]);
    expect(applied.map((m) => m.package)).toEqual([base, dependent]);
  });

  it('lets concurrent migrators apply each migration exactly once', async () => {
    const pkg = uniquePackage();
    const schema = uniqueSchema();
    const folder = await migrationsFolder({
      '0000_a': `create schema ${schema};\n--> statement-breakpoint\ncreate table ${schema}.t (id int);`,
      '0001_b': `create table ${schema}.u (id int);`,
    });
    // On PostgreSQL these run on separate pooled connections and race for the advisory lock.
    const runs = await Promise.all(Array.from({ length: 5 }, () => migrate(database.db, [{ package: pkg, folder }])));
    expect(runs.flat()).toHaveLength(2);
    expect(await appliedIds(pkg)).toEqual(['0000_a', '0001_b']);
  });

  it('reports an unreadable migrations folder clearly', async () => {
    await expect(
      migrate(database.db, [{ package: uniquePackage(), folder: '/nonexistent/folder' }]),
    ).rejects.toMatchObject({
      code: 'MIGRATIONS_UNREADABLE',
    });
  });
});

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { type Database, resultRows } from './database.js';

/** A package's migrations folder, as drizzle-kit writes it (`meta/_journal.json` + `<tag>.sql`). */
export interface MigrationSource {
  /** The package that owns the migrations, e.g. `@lifelong/core` or `@lifelong/plugin-credit-bank`. */
  package: string;
  folder: string | URL;
}

export interface Migration {
  id: string;
  checksum: string;
  statements: string[];
}

export type MigrationErrorCode =
  | 'MIGRATIONS_UNREADABLE'
  | 'MIGRATION_CHECKSUM_MISMATCH'
  | 'MIGRATION_UNKNOWN_APPLIED'
  | 'MIGRATION_FAILED';

/** A migration run refused or failed; nothing of that run was committed. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';
  constructor(
    readonly code: MigrationErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${message}`, options);
  }
}

interface Journal {
  entries: { idx: number; tag: string }[];
}

const STATEMENT_BREAKPOINT = '--> statement-breakpoint';

/** SHA-256 of the file with line endings normalised, so a checkout on Windows does not look edited. */
export function migrationChecksum(text: string): string {
  return createHash('sha256').update(text.replaceAll('\r\n', '\n')).digest('hex');
}

/** Reads a migrations folder in journal order. */
export async function readMigrations(folder: string | URL): Promise<Migration[]> {
  const dir = folder instanceof URL ? fileURLToPath(folder) : folder;
  let journal: Journal;
  try {
    journal = JSON.parse(await readFile(join(dir, 'meta', '_journal.json'), 'utf8')) as Journal;
  } catch (error) {
    throw new MigrationError('MIGRATIONS_UNREADABLE', `Cannot read ${join(dir, 'meta', '_journal.json')}`, {
      cause: error,
    });
  }
  const entries = [...journal.entries].sort((a, b) => a.idx - b.idx);
  return Promise.all(
    entries.map(async ({ tag }) => {
      const text = await readFile(join(dir, `${tag}.sql`), 'utf8');
      const statements = text
        .split(STATEMENT_BREAKPOINT)
        .map((statement) => statement.trim())
        .filter(Boolean);
      return { id: tag, checksum: migrationChecksum(text), statements };
    }),
  );
}

export interface AppliedMigration {
  package: string;
  id: string;
}

// One lock for every package's migrations: runs are short and rare, and one lock cannot deadlock.
const MIGRATION_LOCK_KEY = 0x4c_49_46_45; // "LIFE"

/**
 * Applies every pending migration of `sources`, in the order given (dependencies first), in one
 * transaction under a PostgreSQL advisory lock, so concurrent migrators (several instances
 * starting at once) apply each migration exactly once. Refuses, before changing anything, when
 * an applied migration's file was edited, or when the database has migrations a package no
 * longer ships (a downgrade).
 */
export async function migrate(db: Database, sources: readonly MigrationSource[]): Promise<AppliedMigration[]> {
  const plans = await Promise.all(
    sources.map(async (source) => ({ source, migrations: await readMigrations(source.folder) })),
  );
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await tx.execute(sql`
      create table if not exists public.lifelong_migrations (
        package text not null,
        id text not null,
        checksum text not null,
        applied_at timestamptz not null default now(),
        primary key (package, id)
      )`);
    const applied = resultRows<AppliedRow>(
      await tx.execute(sql`select package, id, checksum from public.lifelong_migrations`),
    );

    for (const { source, migrations } of plans) checkApplied(source.package, migrations, applied);

    const done: AppliedMigration[] = [];
    for (const { source, migrations } of plans) {
      const appliedIds = new Set(applied.filter((row) => row.package === source.package).map((row) => row.id));
      for (const migration of migrations) {
        if (appliedIds.has(migration.id)) continue;
        for (const statement of migration.statements) {
          try {
            await tx.execute(sql.raw(statement));
          } catch (error) {
            const reason = (error as { cause?: Error }).cause?.message ?? (error as Error).message;
            throw new MigrationError(
              'MIGRATION_FAILED',
              `${source.package} migration ${migration.id} failed: ${reason}`,
              { cause: error },
            );
          }
        }
        await tx.execute(
          sql`insert into public.lifelong_migrations (package, id, checksum) values (${source.package}, ${migration.id}, ${migration.checksum})`,
        );
        done.push({ package: source.package, id: migration.id });
      }
    }
    return done;
  });
}

interface AppliedRow {
  package: string;
  id: string;
  checksum: string;
}

function checkApplied(pkg: string, migrations: Migration[], applied: AppliedRow[]): void {
  const known = new Map(migrations.map((m) => [m.id, m]));
  for (const row of applied) {
    if (row.package !== pkg) continue;
    const migration = known.get(row.id);
    if (!migration) {
      throw new MigrationError(
        'MIGRATION_UNKNOWN_APPLIED',
        `The database has ${pkg} migration ${row.id}, which this version of ${pkg} does not ship. ` +
          `Was ${pkg} downgraded? Install a version that includes ${row.id}.`,
      );
    }
    if (migration.checksum !== row.checksum) {
      throw new MigrationError(
        'MIGRATION_CHECKSUM_MISMATCH',
        `${pkg} migration ${row.id} was edited after it was applied. ` +
          'Applied migrations are immutable: restore the file and add a new migration for the change.',
      );
    }
  }
}

// Shared by this folder's tests only (not exported from the package).
import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { coreMigrations } from '../db/core-migrations.js';
import type { Database, DatabaseHandle } from '../db/database.js';
import { migrate } from '../db/migrator.js';
import { createLogger, type Logger } from '../logging/logger.js';
import { createTestDatabase } from '../testing/test-database.js';
import { eventDeliveries, events } from './schema.js';

/** A migrated test database (PGlite in memory, or a fresh PostgreSQL database with DATABASE_URL). */
export async function migratedTestDatabase(): Promise<DatabaseHandle> {
  const handle = await createTestDatabase();
  await migrate(handle.db, [coreMigrations()]);
  return handle;
}

/** A logger whose JSON lines are kept, to assert on what was (not) logged. */
export function capturingLogger(): { logger: Logger; raw: () => string } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(String(chunk));
      callback();
    },
  });
  return { logger: createLogger({ level: 'debug', destination }), raw: () => lines.join('') };
}

let counter = 0;
/** A name of its own per test, so tests sharing one database never see each other's events. */
export function uniqueEventName(noun = 'thing'): string {
  counter += 1;
  return `test-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 7)}.${noun}.happened`;
}

export function deliveriesOf(db: Database, eventId: string) {
  return db.select().from(eventDeliveries).where(eq(eventDeliveries.eventId, eventId));
}

export function eventRows(db: Database, name: string) {
  return db.select().from(events).where(eq(events.name, name));
}

/** Polls `check` until it is true; fails after `timeoutMs` (generous: this is about correctness, not speed). */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 20_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

import { gt, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { decodeCursor, isUuidKey } from './pagination.js';

// Kept apart from pagination.ts, which the client-safe `schemas` entry reaches and which must
// therefore not load drizzle.

/**
 * The `id > cursor` condition of a list ordered by a UUIDv7 id (creation order); undefined without
 * a cursor, so it drops out of `and(...)`. Pair it with `toPage(rows, limit, (row) => ({ id: row.id }))`.
 *
 * @example
 * const rows = await db.select().from(clubs).where(and(eq(clubs.regionId, region), afterIdCursor(clubs.id, cursor)))
 *   .orderBy(clubs.id).limit(limit + 1);
 */
export function afterIdCursor(column: PgColumn, cursor: string | undefined): SQL | undefined {
  return cursor ? gt(column, decodeCursor(cursor, isUuidKey).id) : undefined;
}

import { decodeCursor } from '@lifelong/core';
import { gt } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isIdKey = (key: unknown): key is { id: string } =>
  typeof key === 'object' && key !== null && UUID.test(String((key as { id?: unknown }).id));

/** The `id > cursor` condition of a list ordered by UUIDv7 id (creation order). */
export const afterCursor = (column: PgColumn, cursor: string | undefined) =>
  cursor ? gt(column, decodeCursor(cursor, isIdKey).id) : undefined;

export const idKey = (row: { id: string }) => ({ id: row.id });

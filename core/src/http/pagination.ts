import { ValidationFailed } from '../errors/core-errors.js';
import { isUuid } from '../ids/uuid.js';

export { Page, PageQuery } from './page-schemas.js';

/** An opaque cursor: base64url JSON of the last row's sort key. */
export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** A cursor key `{ id }` holding a UUID: the common case of lists ordered by a UUIDv7 id. */
export function isUuidKey(key: unknown): key is { id: string } {
  return typeof key === 'object' && key !== null && isUuid((key as { id?: unknown }).id);
}

// Date.UTC maps years 0–99 to 1900–1999, so year 1 is parsed from its ISO form.
const MIN_TIME = Date.parse('0001-01-01T00:00:00.000Z');
const MAX_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * A timestamp string a cursor may carry: one `Date` parses, within years 1–9999. JavaScript dates
 * reach year 275760, PostgreSQL's timestamps stop earlier, so a forged far-off date must be
 * refused here (400) rather than by the database (a 500).
 */
export function isCursorTimestamp(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const time = Date.parse(value);
  return time >= MIN_TIME && time <= MAX_TIME;
}

/** Decodes a cursor made by `encodeCursor`; a tampered or foreign cursor is a 400 naming `/query/cursor`. */
export function decodeCursor<T>(cursor: string, isValid: (key: unknown) => key is T): T {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (isValid(key)) return key;
  } catch {
    // fall through to the validation error
  }
  throw ValidationFailed({ errors: [{ path: '/query/cursor', rule: 'cursor', message: 'Invalid or expired cursor' }] });
}

/**
 * Builds a page from `limit + 1` fetched rows: the extra row only says that another page exists.
 *
 * @example
 * const rows = await db.select().from(t).where(after(cursor)).orderBy(t.id).limit(limit + 1);
 * return toPage(rows, limit, (row) => ({ id: row.id }));
 */
export function toPage<Row, Item = Row>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => unknown,
  map: (row: Row) => Item = (row) => row as unknown as Item,
): { items: Item[]; nextCursor: string | null } {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows.at(-1);
  return {
    items: pageRows.map(map),
    nextCursor: hasMore && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}

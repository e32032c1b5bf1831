import { afterIdCursor, type Queryable, toPage, uuidv7 } from '@lifelong/core';
import { and, count, eq, sql } from 'drizzle-orm';
import { idKey } from '../context.js';
import type { ItemInput } from '../shared/items.js';
import { type BankRow, banks, type ItemRow, items } from '../shared/tables.js';
import type { Bank, Item } from './schemas.js';

// Banks and their items: queries and row → response mapping.

export const bankView = (row: BankRow): Bank => ({
  id: row.id,
  regionId: row.regionId,
  ownerPersonId: row.ownerPersonId,
  title: row.title,
  description: row.description,
  createdAt: row.createdAt.toISOString(),
});

export const itemView = (row: ItemRow): Item => ({
  id: row.id,
  bankId: row.bankId,
  createdAt: row.createdAt.toISOString(),
  item: row.content,
});

export async function insertBank(db: Queryable, values: Omit<typeof banks.$inferInsert, 'id'>) {
  const [row] = await db
    .insert(banks)
    .values({ id: uuidv7(), ...values })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** The region's banks (all of them, or only one person's), a page at a time. */
export async function listBanks(
  db: Queryable,
  filter: { regionId: string; ownerPersonId: string | null; all: boolean },
  limit: number,
  cursor: string | undefined,
) {
  const whose = filter.all
    ? undefined
    : filter.ownerPersonId
      ? eq(banks.ownerPersonId, filter.ownerPersonId)
      : sql`false`;
  const rows = await db
    .select()
    .from(banks)
    .where(and(eq(banks.regionId, filter.regionId), whose, afterIdCursor(banks.id, cursor)))
    .orderBy(banks.id)
    .limit(limit + 1);
  return toPage(rows, limit, idKey, bankView);
}

export async function countItems(db: Queryable, bankId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(items).where(eq(items.bankId, bankId));
  return row?.n ?? 0;
}

/** Stores items as given (defaults already written out), in order, with ids in that order. */
export async function insertItems(db: Queryable, bankId: string, contents: ItemInput[], now: Date) {
  if (contents.length === 0) return [];
  // UUIDv7s of one millisecond are not ordered among themselves: sorted, they keep the document's order.
  const ids = contents.map(() => uuidv7()).sort();
  const rows = await db
    .insert(items)
    .values(
      contents.map((content, i) => ({
        id: ids[i] as string,
        bankId,
        kind: content.kind,
        skills: content.skills ?? [],
        level: content.level ?? null,
        points: content.points ?? 1,
        content,
        createdAt: now,
      })),
    )
    .returning();
  return rows.sort((a, b) => (a.id < b.id ? -1 : 1));
}

export async function itemRow(db: Queryable, bankId: string, itemId: string) {
  const [row] = await db
    .select()
    .from(items)
    .where(and(eq(items.id, itemId), eq(items.bankId, bankId)));
  return row ?? null;
}

/** A bank's items, oldest first, optionally those with a skill or at a level. */
export async function listItems(
  db: Queryable,
  bankId: string,
  filter: { skill?: string | undefined; level?: string | undefined },
  limit: number,
  cursor: string | undefined,
) {
  const rows = await db
    .select()
    .from(items)
    .where(
      and(
        eq(items.bankId, bankId),
        filter.skill ? sql`${items.skills} @> ${JSON.stringify([filter.skill])}::jsonb` : undefined,
        filter.level ? eq(items.level, filter.level) : undefined,
        afterIdCursor(items.id, cursor),
      ),
    )
    .orderBy(items.id)
    .limit(limit + 1);
  return toPage(rows, limit, idKey, itemView);
}

/** Every item of a bank, oldest first (an export; bounded by the region's maxItemsPerBank). */
export async function allItems(db: Queryable, bankId: string) {
  return db.select().from(items).where(eq(items.bankId, bankId)).orderBy(items.id);
}

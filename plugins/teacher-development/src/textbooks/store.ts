import { afterIdCursor, decodeCursor, isCursorTimestamp, isUuidKey, type Queryable, uuidv7 } from '@lifelong/core';
import { and, asc, eq, gt, gte, or } from 'drizzle-orm';
import { iso } from '../context.js';
import { signingEvents, type TextbookRow, type TextbookSaleRow, textbookSales, textbooks } from './schema.js';
import type { Textbook } from './schemas.js';

// Textbooks, their sales and signings: queries and row → response mapping.

export const textbookView = (row: TextbookRow): Textbook => ({
  id: row.id,
  regionId: row.regionId,
  teacherId: row.teacherId,
  publisherInstitutionId: row.publisherInstitutionId,
  title: row.title,
  description: row.description,
  state: row.state,
  reviewNote: row.reviewNote,
  isbn: row.isbn,
  price: row.price === null ? null : String(row.price),
  asset: row.asset,
  proposedAt: row.proposedAt.toISOString(),
  publishedAt: iso(row.publishedAt),
});

export const saleView = (row: TextbookSaleRow) => ({
  id: row.id,
  textbookId: row.textbookId,
  booksellerInstitutionId: row.booksellerInstitutionId,
  reportRef: row.reportRef,
  copies: row.copies,
  asset: row.asset,
  gross: String(row.gross),
  royalty: String(row.royalty),
  publisherShare: String(row.publisherShare),
  transferIds: row.transferIds,
  reportedAt: row.reportedAt.toISOString(),
});

export const signingView = (row: typeof signingEvents.$inferSelect, title: string) => ({
  id: row.id,
  textbookId: row.textbookId,
  title,
  startsAt: row.startsAt.toISOString(),
  location: row.location,
});

export async function textbookRow(db: Queryable, textbookId: string, regionId: string, lock = false) {
  const query = db
    .select()
    .from(textbooks)
    .where(and(eq(textbooks.id, textbookId), eq(textbooks.regionId, regionId)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function insertTextbook(db: Queryable, values: Omit<typeof textbooks.$inferInsert, 'id'>) {
  const [row] = await db
    .insert(textbooks)
    .values({ id: uuidv7(), ...values })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateTextbook(
  db: Queryable,
  textbookId: string,
  values: Partial<typeof textbooks.$inferInsert>,
) {
  const [row] = await db.update(textbooks).set(values).where(eq(textbooks.id, textbookId)).returning();
  if (!row) throw new Error('update returned no row');
  return row;
}

type PageArgs = { limit: number; cursor?: string | undefined };

/** A page of the region's published textbooks, oldest first. */
export async function publishedTextbooks(db: Queryable, regionId: string, page: PageArgs) {
  return db
    .select()
    .from(textbooks)
    .where(
      and(eq(textbooks.regionId, regionId), eq(textbooks.state, 'published'), afterIdCursor(textbooks.id, page.cursor)),
    )
    .orderBy(asc(textbooks.id))
    .limit(page.limit + 1);
}

export async function isbnTaken(db: Queryable, isbn: string): Promise<boolean> {
  const [taken] = await db.select({ id: textbooks.id }).from(textbooks).where(eq(textbooks.isbn, isbn));
  return Boolean(taken);
}

/** A sale the bookseller already reported under this reference (reports are idempotent). */
export async function saleByRef(db: Queryable, booksellerInstitutionId: string, reportRef: string) {
  const [row] = await db
    .select()
    .from(textbookSales)
    .where(
      and(eq(textbookSales.booksellerInstitutionId, booksellerInstitutionId), eq(textbookSales.reportRef, reportRef)),
    );
  return row ?? null;
}

export async function insertSale(db: Queryable, values: typeof textbookSales.$inferInsert) {
  const [row] = await db.insert(textbookSales).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function insertSigning(db: Queryable, values: Omit<typeof signingEvents.$inferInsert, 'id'>) {
  const [row] = await db
    .insert(signingEvents)
    .values({ id: uuidv7(), ...values })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** A signings page's cursor: the last signing's start and id (signings are ordered by both). */
export interface SigningKey {
  startsAt: string;
  id: string;
}
const isSigningKey = (key: unknown): key is SigningKey =>
  isUuidKey(key) && isCursorTimestamp((key as { startsAt?: unknown }).startsAt);

/** A page of the region's signings from `now` on, soonest first (`limit + 1` rows). */
export async function upcomingSignings(db: Queryable, regionId: string, now: Date, page: PageArgs) {
  const after = page.cursor ? decodeCursor(page.cursor, isSigningKey) : null;
  const at = after ? new Date(after.startsAt) : null;
  return db
    .select({ event: signingEvents, title: textbooks.title })
    .from(signingEvents)
    .innerJoin(textbooks, eq(textbooks.id, signingEvents.textbookId))
    .where(
      and(
        eq(signingEvents.regionId, regionId),
        gte(signingEvents.startsAt, now),
        after && at
          ? or(gt(signingEvents.startsAt, at), and(eq(signingEvents.startsAt, at), gt(signingEvents.id, after.id)))
          : undefined,
      ),
    )
    .orderBy(asc(signingEvents.startsAt), asc(signingEvents.id))
    .limit(page.limit + 1);
}

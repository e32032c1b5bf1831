import type { TableDistribution } from '@lifelong/core';
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { teacherDevelopment } from '../schema.js';

export const TEXTBOOK_STATES = ['proposed', 'accepted', 'rejected', 'published'] as const;

/** A self-compiled textbook or monograph a quality teacher proposes to a publisher institution. */
export const textbooks = teacherDevelopment.table(
  'textbooks',
  {
    id: uuid('id').primaryKey(),
    regionId: text('region_id').notNull(),
    teacherId: uuid('teacher_id').notNull(),
    teacherPersonId: uuid('teacher_person_id').notNull(),
    publisherInstitutionId: uuid('publisher_institution_id').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    state: text('state', { enum: TEXTBOOK_STATES }).notNull(),
    reviewNote: text('review_note'),
    isbn: text('isbn'),
    price: bigint('price', { mode: 'bigint' }),
    asset: text('asset'),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('textbooks_isbn_key').on(t.isbn),
    index('textbooks_region_idx').on(t.regionId, t.state, t.id),
    check('textbooks_price_positive', sql`${t.price} is null or ${t.price} > 0`),
  ],
);
export type TextbookRow = typeof textbooks.$inferSelect;

/** A bookseller's report of copies sold, settled through the ledger; one per bookseller and report ref. */
export const textbookSales = teacherDevelopment.table(
  'textbook_sales',
  {
    id: uuid('id').primaryKey(),
    textbookId: uuid('textbook_id')
      .notNull()
      .references(() => textbooks.id),
    booksellerInstitutionId: uuid('bookseller_institution_id').notNull(),
    reportRef: text('report_ref').notNull(),
    copies: integer('copies').notNull(),
    gross: bigint('gross', { mode: 'bigint' }).notNull(),
    royalty: bigint('royalty', { mode: 'bigint' }).notNull(),
    publisherShare: bigint('publisher_share', { mode: 'bigint' }).notNull(),
    asset: text('asset').notNull(),
    transferIds: jsonb('transfer_ids').$type<string[]>().notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('textbook_sales_report_key').on(t.booksellerInstitutionId, t.reportRef),
    check('textbook_sales_copies_positive', sql`${t.copies} > 0`),
  ],
);
export type TextbookSaleRow = typeof textbookSales.$inferSelect;

/** A book signing of a published textbook. */
export const signingEvents = teacherDevelopment.table(
  'signing_events',
  {
    id: uuid('id').primaryKey(),
    textbookId: uuid('textbook_id')
      .notNull()
      .references(() => textbooks.id),
    regionId: text('region_id').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    location: text('location').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('signing_events_region_idx').on(t.regionId, t.startsAt)],
);

/** Placement on a distributed cluster (docs/scale.md): few, publisher-scale rows: a catalogue. */
export const textbooksDistribution: readonly TableDistribution[] = [
  { table: textbooks, kind: 'reference' },
  { table: textbookSales, kind: 'reference' },
  { table: signingEvents, kind: 'reference' },
];

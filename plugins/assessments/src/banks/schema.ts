import type { TableDistribution } from '@lifelong/core';
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { assessments } from '../schema.js';
import type { ItemInput } from '../shared/items.js';

/** An item bank: owned by the person who made it, in one region. */
export const banks = assessments.table(
  'banks',
  {
    id: uuid('id').primaryKey(),
    regionId: text('region_id').notNull(),
    ownerPersonId: uuid('owner_person_id').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('banks_region_idx').on(t.regionId, t.id), index('banks_owner_idx').on(t.ownerPersonId, t.id)],
);
export type BankRow = typeof banks.$inferSelect;

/**
 * One item of a bank. `content` is the item as written (kind, prompt, options, key); kind, skills
 * and level are copied out for filtering. Attempts copy the item, so later edits never rescore them.
 */
export const items = assessments.table(
  'items',
  {
    id: uuid('id').notNull(),
    bankId: uuid('bank_id')
      .notNull()
      .references(() => banks.id),
    kind: text('kind').notNull(),
    skills: jsonb('skills').$type<string[]>().notNull(),
    level: text('level'),
    points: integer('points').notNull(),
    content: jsonb('content').$type<ItemInput>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  // The key leads with the bank: a bank's items live on one shard (the primary key serves "a bank's items").
  (t) => [primaryKey({ columns: [t.bankId, t.id] }), check('items_points_positive', sql`${t.points} > 0`)],
);
export type ItemRow = typeof items.$inferSelect;

/**
 * Placement on a distributed cluster (docs/scale.md). A bank is one small row, written when it is
 * made and read by every authoring and form request: a reference table. Its items are the bulk
 * (every author's whole content, growing): on the bank's shard, read a bank at a time.
 */
export const banksDistribution: readonly TableDistribution[] = [
  { table: banks, kind: 'reference' },
  { table: items, kind: 'distributed', column: 'bank_id', colocation: 'assessments-bank' },
];

import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
    id: uuid('id').primaryKey(),
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
  (t) => [index('items_bank_idx').on(t.bankId, t.id), check('items_points_positive', sql`${t.points} > 0`)],
);
export type ItemRow = typeof items.$inferSelect;

import type { TableDistribution } from '@lifelong/core';
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { assessments } from '../schema.js';
import { banks } from '../shared/tables.js';

export const FORM_STATUSES = ['draft', 'open', 'closed'] as const;

/** How the form's items were chosen, as the author asked (the resolved list is `itemIds`). */
export type Selection =
  | { kind: 'fixed'; itemIds: string[] }
  | { kind: 'random'; count: number; seed: string; skills: string[]; levels: string[] };

/** A form drawn from a bank: its items, fixed when the form is made, and its rules. */
export const forms = assessments.table(
  'forms',
  {
    id: uuid('id').primaryKey(),
    bankId: uuid('bank_id')
      .notNull()
      .references(() => banks.id),
    regionId: text('region_id').notNull(),
    title: text('title').notNull(),
    status: text('status', { enum: FORM_STATUSES }).notNull(),
    selection: jsonb('selection').$type<Selection>().notNull(),
    itemIds: jsonb('item_ids').$type<string[]>().notNull(),
    timeLimitSeconds: integer('time_limit_seconds').notNull(),
    passPercent: integer('pass_percent').notNull(),
    maxAttempts: integer('max_attempts'),
    cooldownSeconds: integer('cooldown_seconds').notNull(),
    revealAnswers: boolean('reveal_answers').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('forms_bank_idx').on(t.bankId, t.id),
    index('forms_region_status_idx').on(t.regionId, t.status, t.id),
    check('forms_pass_percent_range', sql`${t.passPercent} between 0 and 100`),
  ],
);
export type FormRow = typeof forms.$inferSelect;

/**
 * Placement on a distributed cluster (docs/scale.md): a form is a small row written a few times
 * (made, opened, closed) and read by every attempt start and view and by a region's listing of
 * open forms: a reference table, which keeps the attempts' foreign key to it on one node.
 */
export const formsDistribution: readonly TableDistribution[] = [{ table: forms, kind: 'reference' }];

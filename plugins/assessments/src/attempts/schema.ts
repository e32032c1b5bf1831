import type { TableDistribution } from '@lifelong/core';
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { assessments } from '../schema.js';
import type { ItemInput, Response } from '../shared/items.js';
import { forms } from '../shared/tables.js';

export const ATTEMPT_STATUSES = ['inProgress', 'scored'] as const;

/** One item of an attempt as it was when the attempt started, with the order its options are shown in. */
export interface AttemptItem {
  itemId: string;
  item: ItemInput;
  /** The option ids in the order the learner sees them (ordering items are shuffled per attempt). */
  shownOptionIds: string[] | null;
}

/** How one item was scored: the share of its points earned, in thousandths. */
export interface ItemResult {
  earnedMilli: number;
  maxMilli: number;
}

/**
 * A person's timed attempt at a form. The server's clock opens it (`startedAt`, `expiresAt`);
 * responses are kept until it is scored, at submission or once its time ran out.
 */
export const attempts = assessments.table(
  'attempts',
  {
    id: uuid('id').notNull(),
    formId: uuid('form_id')
      .notNull()
      .references(() => forms.id),
    regionId: text('region_id').notNull(),
    personId: uuid('person_id').notNull(),
    status: text('status', { enum: ATTEMPT_STATUSES }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** When it was submitted, or its deadline when it timed out: the end cooldowns count from. */
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    timedOut: boolean('timed_out').notNull().default(false),
    items: jsonb('items').$type<AttemptItem[]>().notNull(),
    responses: jsonb('responses').$type<(Response | null)[]>().notNull(),
    results: jsonb('results').$type<ItemResult[]>(),
    earnedMilli: integer('earned_milli'),
    maxMilli: integer('max_milli').notNull(),
    /** Hundredths of a percent, rounded down (6666 = 66.66 %). */
    scoreBasisPoints: integer('score_basis_points'),
    passed: boolean('passed'),
  },
  (t) => [
    // Led by the person: a learner's attempts live on the learner's shard (and the key serves "my attempts").
    primaryKey({ columns: [t.personId, t.id] }),
    index('attempts_form_person_idx').on(t.formId, t.personId, t.id),
    index('attempts_form_idx').on(t.formId, t.id),
    // One attempt in progress per person and form: a parallel second start finds it taken.
    uniqueIndex('attempts_one_in_progress').on(t.formId, t.personId).where(sql`${t.status} = 'inProgress'`),
    index('attempts_deadline_idx').on(t.expiresAt).where(sql`${t.status} = 'inProgress'`),
  ],
);
export type AttemptRow = typeof attempts.$inferSelect;

/** Placement on a distributed cluster (docs/scale.md): a learner's attempts with the learner's other rows. */
export const attemptsDistribution: readonly TableDistribution[] = [
  { table: attempts, kind: 'distributed', column: 'person_id', colocation: 'person' },
];

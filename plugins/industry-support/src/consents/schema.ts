import type { TableDistribution } from '@lifelong/core';
import { index, integer, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { industrySupport } from '../schema.js';

/** A learner's opt-in to one need: only while it is active does the company see them. */
export const consents = industrySupport.table(
  'consents',
  {
    personId: uuid('person_id').notNull(),
    needId: uuid('need_id').notNull(),
    status: text('status').$type<'active' | 'withdrawn'>().notNull(),
    givenAt: timestamp('given_at', { withTimezone: true }).notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.personId, t.needId] }), index('consents_need_idx').on(t.needId, t.status)],
);
export type ConsentRow = typeof consents.$inferSelect;

/**
 * A learner's match score for a need each time it was computed and changed (basis points):
 * the cohort's distribution over time, and `match.improved`.
 */
export const matchSnapshots = industrySupport.table(
  'match_snapshots',
  {
    personId: uuid('person_id').notNull(),
    needId: uuid('need_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    scoreBasisPoints: integer('score_basis_points').notNull(),
    regionId: text('region_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.needId, t.at] }), index('match_snapshots_need_idx').on(t.needId, t.at)],
);

export const consentsDistribution: readonly TableDistribution[] = [
  { table: consents, kind: 'distributed', column: 'person_id', colocation: 'person' },
  { table: matchSnapshots, kind: 'distributed', column: 'person_id', colocation: 'person' },
];

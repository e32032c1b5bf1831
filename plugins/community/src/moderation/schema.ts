import type { TableDistribution } from '@lifelong/core';
import { integer, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { community } from '../schema.js';

/** A suspension: proposed by one moderator, in force only once a second one confirms it. */
export const suspensions = community.table(
  'suspensions',
  {
    id: uuid('id').notNull(),
    personId: uuid('person_id').notNull(),
    regionId: text('region_id').notNull(),
    days: integer('days').notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: ['proposed', 'active'] }).notNull(),
    proposedBy: uuid('proposed_by').notNull(),
    confirmedBy: uuid('confirmed_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.personId, t.id] })],
);
export type SuspensionRow = typeof suspensions.$inferSelect;

/** A suspension is the suspended person's: on their shard (docs/scale.md). */
export const moderationDistribution: readonly TableDistribution[] = [
  { table: suspensions, kind: 'distributed', column: 'person_id', colocation: 'person' },
];

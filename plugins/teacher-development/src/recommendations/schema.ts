import type { TableDistribution } from '@lifelong/core';
import { boolean, integer, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { teacherDevelopment } from '../schema.js';

/** A list of teachers proposed for an offline activity or event, confirmed by an admin. */
export const recommendationLists = teacherDevelopment.table('recommendation_lists', {
  id: uuid('id').primaryKey(),
  regionId: text('region_id').notNull(),
  event: text('event').notNull(),
  state: text('state', { enum: ['proposed', 'confirmed'] }).notNull(),
  proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  confirmedBy: text('confirmed_by'),
});
export type RecommendationListRow = typeof recommendationLists.$inferSelect;

/** The teachers on a list, by rank, with the score that put them there. */
export const recommendationEntries = teacherDevelopment.table(
  'recommendation_entries',
  {
    listId: uuid('list_id')
      .notNull()
      .references(() => recommendationLists.id, { onDelete: 'cascade' }),
    teacherId: uuid('teacher_id').notNull(),
    personId: uuid('person_id').notNull(),
    rank: integer('rank').notNull(),
    scoreBps: integer('score_bps').notNull(),
    confirmed: boolean('confirmed').notNull(),
  },
  (t) => [primaryKey({ columns: [t.listId, t.teacherId] })],
);

/** Placement on a distributed cluster (docs/scale.md): short lists curated by admins, a catalogue. */
export const recommendationsDistribution: readonly TableDistribution[] = [
  { table: recommendationLists, kind: 'reference' },
  { table: recommendationEntries, kind: 'reference' },
];

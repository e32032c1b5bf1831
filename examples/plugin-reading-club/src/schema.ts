import { boolean, index, integer, pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Everything the plugin stores lives in its own PostgreSQL schema, named after its id
 * (`reading-club` → `reading_club`). The plugin's database role can reach nothing else; people are
 * referenced by their core id (a UUID), never joined against core tables.
 */
export const readingClub = pgSchema('reading_club');

export const clubs = readingClub.table(
  'clubs',
  {
    id: uuid('id').primaryKey(),
    regionId: text('region_id').notNull(),
    name: text('name').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Lists are per region, ordered by id (UUIDv7, so by creation time).
  (t) => [index('clubs_region_id_idx').on(t.regionId, t.id)],
);

export const members = readingClub.table(
  'members',
  {
    clubId: uuid('club_id')
      .notNull()
      .references(() => clubs.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.clubId, t.personId] })],
);

export const meetings = readingClub.table(
  'meetings',
  {
    id: uuid('id').primaryKey(),
    clubId: uuid('club_id')
      .notNull()
      .references(() => clubs.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
    topic: text('topic').notNull(),
  },
  (t) => [index('meetings_club_id_at_idx').on(t.clubId, t.at)],
);

export const readingLogs = readingClub.table(
  'reading_logs',
  {
    id: uuid('id').primaryKey(),
    clubId: uuid('club_id')
      .notNull()
      .references(() => clubs.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').notNull(),
    title: text('title').notNull(),
    pages: integer('pages').notNull(),
    minutes: integer('minutes').notNull(),
    finished: boolean('finished').notNull().default(false),
    loggedAt: timestamp('logged_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('reading_logs_club_id_id_idx').on(t.clubId, t.id)],
);

/** Each person's POINT account in the ledger, opened on their first finished book. */
export const pointAccounts = readingClub.table('point_accounts', {
  personId: uuid('person_id').primaryKey(),
  accountId: uuid('account_id').notNull(),
});

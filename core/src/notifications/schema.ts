import { jsonb, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { coreSchema } from '../db/core-schema.js';
import type { TableDistribution } from '../db/distribution.js';

/**
 * A person's in-app inbox. Rows hold the notification's id and params, not its words: the text is
 * rendered when read, in the reader's language. `source` is the plugin (or `core`) that sent it.
 */
export const notifications = coreSchema.table(
  'notifications',
  {
    id: uuid('id').notNull(),
    personId: uuid('person_id').notNull(),
    regionId: text('region_id'),
    source: text('source').notNull(),
    kind: text('kind').notNull(),
    params: jsonb('params').$type<Record<string, unknown>>().notNull(),
    link: text('link'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  // Keyed by the person first: an inbox is read by its owner, in id order, and the table is born
  // distributable by person (docs/scale.md).
  (t) => [primaryKey({ columns: [t.personId, t.id] })],
);

/** An inbox lives on its owner's shard (docs/scale.md). */
export const notificationsDistribution: readonly TableDistribution[] = [
  { table: notifications, kind: 'distributed', column: 'person_id', colocation: 'person' },
];

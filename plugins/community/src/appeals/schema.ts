import type { TableDistribution } from '@lifelong/core';
import { primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { community } from '../schema.js';
import { posts } from '../shared/schema.js';

/** An author's appeal against a decision on their post: a dialogue, then a decision with a reason. */
export const appeals = community.table(
  'appeals',
  {
    id: uuid('id').notNull(),
    postId: uuid('post_id')
      .notNull()
      .references(() => posts.id),
    regionId: text('region_id').notNull(),
    personId: uuid('person_id').notNull(),
    status: text('status', { enum: ['open', 'upheld', 'overturned'] }).notNull(),
    decidedBy: uuid('decided_by'),
    decisionReason: text('decision_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.postId, t.id] })],
);
export type AppealRow = typeof appeals.$inferSelect;

/** One message of an appeal's dialogue, by the author or a moderator. */
export const appealMessages = community.table(
  'appeal_messages',
  {
    id: uuid('id').notNull(),
    postId: uuid('post_id')
      .notNull()
      .references(() => posts.id),
    appealId: uuid('appeal_id').notNull(),
    authorPersonId: uuid('author_person_id').notNull(),
    role: text('role', { enum: ['author', 'moderator'] }).notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.id] })],
);

/** An appeal and its dialogue are about one post: on the post's shard. */
export const appealsDistribution: readonly TableDistribution[] = [
  { table: appeals, kind: 'distributed', column: 'post_id', colocation: 'community-post' },
  { table: appealMessages, kind: 'distributed', column: 'post_id', colocation: 'community-post' },
];

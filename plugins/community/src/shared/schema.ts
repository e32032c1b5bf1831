import type { TableDistribution } from '@lifelong/core';
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { community } from '../schema.js';
import { FLAG_REASONS } from './vocabulary.js';

// The tables several features read and write (posts, flags, members' standing, the moderation
// log); each feature's own tables are in its folder's schema.ts.

/**
 * A person's standing in one region's community: what their trust level is computed from
 * (shared/trust.ts), the level itself as last computed (the review queue orders by it), and
 * moderation's marks on them.
 */
export const members = community.table(
  'members',
  {
    personId: uuid('person_id').notNull(),
    regionId: text('region_id').notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull(),
    postsRead: integer('posts_read').notNull().default(0),
    postsPublished: integer('posts_published').notNull().default(0),
    upheldFlagsAgainst: integer('upheld_flags_against').notNull().default(0),
    flagsUpheld: integer('flags_upheld').notNull().default(0),
    flagsRejected: integer('flags_rejected').notNull().default(0),
    warnings: integer('warnings').notNull().default(0),
    trustLevel: integer('trust_level').notNull().default(0),
    /** Set by a moderator: the level stays there whatever the activity (trust level 4 is only given so). */
    lockedLevel: integer('locked_level'),
    suspendedUntil: timestamp('suspended_until', { withTimezone: true }),
    isModerator: integer('is_moderator').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.personId, t.regionId] }),
    index('members_moderators_idx').on(t.regionId, t.isModerator),
    check('members_trust_level_range', sql`${t.trustLevel} between 0 and 4`),
  ],
);
export type MemberRow = typeof members.$inferSelect;

/** An article or resource; readers see it only while `published`. */
export const posts = community.table(
  'posts',
  {
    id: uuid('id').primaryKey(),
    regionId: text('region_id').notNull(),
    authorPersonId: uuid('author_person_id').notNull(),
    kind: text('kind', { enum: ['article', 'resource'] }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    topics: jsonb('topics').$type<string[]>().notNull(),
    status: text('status', { enum: ['pending', 'published', 'hidden', 'removed'] }).notNull(),
    /** Why the spam heuristics sent it to review (`nearDuplicate`), empty for most posts. */
    spamSignals: jsonb('spam_signals').$type<string[]>().notNull(),
    linkCount: integer('link_count').notNull(),
    openFlags: integer('open_flags').notNull().default(0),
    fileSha256: text('file_sha256'),
    fileContentType: text('file_content_type'),
    fileName: text('file_name'),
    fileSize: integer('file_size'),
    fileAttachedAt: timestamp('file_attached_at', { withTimezone: true }),
    /** Set once, when readers first could see it (a first publication counts towards trust). */
    firstPublishedAt: timestamp('first_published_at', { withTimezone: true }),
    moderatedBy: uuid('moderated_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('posts_region_status_idx').on(t.regionId, t.status, t.id),
    index('posts_author_idx').on(t.authorPersonId, t.createdAt),
  ],
);
export type PostRow = typeof posts.$inferSelect;

/** Who read which post (once each): reading is what the first trust levels are earned by. */
export const postReads = community.table(
  'post_reads',
  {
    postId: uuid('post_id')
      .notNull()
      .references(() => posts.id),
    personId: uuid('person_id').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.personId] })],
);

/** A reader's flag on a post, with a reason; upheld or rejected by a moderator's decision. */
export const flags = community.table(
  'flags',
  {
    id: uuid('id').notNull(),
    postId: uuid('post_id')
      .notNull()
      .references(() => posts.id),
    regionId: text('region_id').notNull(),
    flaggerPersonId: uuid('flagger_person_id').notNull(),
    reason: text('reason', { enum: FLAG_REASONS }).notNull(),
    note: text('note').notNull(),
    status: text('status', { enum: ['open', 'upheld', 'rejected'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.postId, t.id] }),
    uniqueIndex('flags_one_per_person').on(t.postId, t.flaggerPersonId),
  ],
);
export type FlagRow = typeof flags.$inferSelect;

/** The moderation log: every decision, warning, suspension step and appeal outcome, with its reason. */
export const actions = community.table(
  'actions',
  {
    id: uuid('id').primaryKey(),
    regionId: text('region_id').notNull(),
    /** The moderator; null for the platform's own steps (a post hidden by flags). */
    actorPersonId: uuid('actor_person_id'),
    action: text('action').notNull(),
    postId: uuid('post_id'),
    subjectPersonId: uuid('subject_person_id'),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('actions_region_idx').on(t.regionId, t.id)],
);
export type ActionRow = typeof actions.$inferSelect;

/**
 * Placement on a distributed cluster (docs/scale.md). A member row is a person's (by person);
 * a post, its reads and its flags live on the post's shard; the moderation log is its own group,
 * read a region at a time by moderators.
 */
export const sharedDistribution: readonly TableDistribution[] = [
  { table: members, kind: 'distributed', column: 'person_id', colocation: 'person' },
  { table: posts, kind: 'distributed', column: 'id', colocation: 'community-post' },
  { table: postReads, kind: 'distributed', column: 'post_id', colocation: 'community-post' },
  { table: flags, kind: 'distributed', column: 'post_id', colocation: 'community-post' },
  { table: actions, kind: 'distributed', column: 'id', colocation: 'community-action' },
];

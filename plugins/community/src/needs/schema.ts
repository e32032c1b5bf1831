import type { TableDistribution } from '@lifelong/core';
import { sql } from 'drizzle-orm';
import { bigint, check, index, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { community } from '../schema.js';

/**
 * A learning need with a bounty in POINTs, escrowed as a pending ledger transfer from the
 * asker's wallet (`escrowTransferId`) until it is accepted (posted, paid to the offer's provider),
 * withdrawn or expired (voided: refunded).
 */
export const needs = community.table(
  'needs',
  {
    id: uuid('id').primaryKey(),
    regionId: text('region_id').notNull(),
    personId: uuid('person_id').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    stage: text('stage').notNull(),
    format: text('format'),
    bountyPoints: bigint('bounty_points', { mode: 'bigint' }).notNull(),
    status: text('status', { enum: ['open', 'accepted', 'withdrawn', 'expired'] }).notNull(),
    escrowTransferId: uuid('escrow_transfer_id').notNull(),
    payoutTransferId: uuid('payout_transfer_id'),
    acceptedOfferId: uuid('accepted_offer_id'),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    index('needs_region_status_idx').on(t.regionId, t.status, t.id),
    index('needs_open_deadline_idx').on(t.status, t.deadline),
    check('needs_bounty_positive', sql`${t.bountyPoints} > 0`),
  ],
);
export type NeedRow = typeof needs.$inferSelect;

/** A provider's offer to meet a need; one per provider and need. */
export const offers = community.table(
  'offers',
  {
    id: uuid('id').notNull(),
    needId: uuid('need_id')
      .notNull()
      .references(() => needs.id),
    providerPersonId: uuid('provider_person_id').notNull(),
    message: text('message').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.needId, t.id] }),
    uniqueIndex('offers_one_per_provider').on(t.needId, t.providerPersonId),
  ],
);
export type OfferRow = typeof offers.$inferSelect;

/** A need and its offers live on the need's shard (docs/scale.md). */
export const needsDistribution: readonly TableDistribution[] = [
  { table: needs, kind: 'distributed', column: 'id', colocation: 'community-need' },
  { table: offers, kind: 'distributed', column: 'need_id', colocation: 'community-need' },
];

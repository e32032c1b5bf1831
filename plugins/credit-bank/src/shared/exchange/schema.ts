import type { TableDistribution } from '@lifelong/core';
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { creditBank } from '../../schema.js';
import { REDEMPTION_STATUSES, RESOURCE_KINDS } from './kinds.js';

export { LEARNING_KINDS } from './kinds.js';

/**
 * Resources offered in the exchange, priced in POINTs. `stock` is what is left; a redemption takes
 * one with a guarded decrement (`stock > 0`), so it can never go below zero.
 */
export const exchangeResources = creditBank.table(
  'exchange_resources',
  {
    id: uuid('id').primaryKey(),
    regionId: text('region_id').notNull(),
    kind: text('kind', { enum: RESOURCE_KINDS }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    price: bigint('price', { mode: 'bigint' }).notNull(),
    stock: integer('stock').notNull(),
    offeredByType: text('offered_by_type', { enum: ['institution', 'region'] }).notNull(),
    offeredById: text('offered_by_id').notNull(),
    status: text('status', { enum: ['active', 'withdrawn'] })
      .notNull()
      .default('active'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('exchange_resources_stock_not_negative', sql`${t.stock} >= 0`),
    check('exchange_resources_price_positive', sql`${t.price} > 0`),
    index('exchange_resources_region_kind_idx').on(t.regionId, t.kind, t.id),
  ],
);

/**
 * A redemption: a pending hold on the payer's account (a person's wallet or vouchers, or a group's
 * pool) in favour of the provider, posted on delivery, voided on cancellation or expiry. The
 * transfer ids are chosen before the ledger is called and stored here, in the same transaction.
 */
export const exchangeRedemptions = creditBank.table(
  'exchange_redemptions',
  {
    id: uuid('id').primaryKey(),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => exchangeResources.id),
    regionId: text('region_id').notNull(),
    /** Who redeemed: the person paying, or the group admin who executed a pool spend. */
    personId: uuid('person_id').notNull(),
    payerType: text('payer_type', { enum: ['person', 'group'] }).notNull(),
    payerId: text('payer_id').notNull(),
    asset: text('asset', { enum: ['POINT', 'VOUCHER'] }).notNull(),
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    holdTransferId: uuid('hold_transfer_id').notNull().unique(),
    resolveTransferId: uuid('resolve_transfer_id').unique(),
    status: text('status', { enum: REDEMPTION_STATUSES }).notNull().default('held'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: text('resolved_by'),
    /** The guardian who approved or declined a minor's redemption, and when. */
    approvalDecidedBy: uuid('approval_decided_by'),
    approvalDecidedAt: timestamp('approval_decided_at', { withTimezone: true }),
    /**
     * The expiry job's failed attempts on this redemption (each rolled back alone, the rest of the
     * run proceeds): how many, the last reason and when; retried an hour after the last one.
     */
    expiryFailures: integer('expiry_failures').notNull().default(0),
    expiryFailureReason: text('expiry_failure_reason'),
    expiryFailedAt: timestamp('expiry_failed_at', { withTimezone: true }),
  },
  (t) => [
    check('exchange_redemptions_amount_positive', sql`${t.amount} > 0`),
    index('exchange_redemptions_person_idx').on(t.personId, t.id),
    index('exchange_redemptions_resource_idx').on(t.resourceId, t.id),
    index('exchange_redemptions_held_idx').on(t.expiresAt).where(sql`${t.status} = 'held'`),
    index('exchange_redemptions_awaiting_idx').on(t.expiresAt).where(sql`${t.status} = 'pending-approval'`),
  ],
);

/** Placement on a distributed cluster (docs/scale.md): the offer is a catalogue, a redemption goes with who redeemed. */
export const exchangeDistribution: readonly TableDistribution[] = [
  { table: exchangeResources, kind: 'reference' },
  { table: exchangeRedemptions, kind: 'distributed', column: 'person_id', colocation: 'person' },
];

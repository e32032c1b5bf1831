import type { TableDistribution } from '@lifelong/core';
import { index, pgSchema, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** The credit bank's own PostgreSQL schema; every feature folder adds its tables to it. */
export const creditBank = pgSchema('credit_bank');

/**
 * The ledger accounts the credit bank opened, by owner, asset and purpose: a person's lifetime
 * CREDIT record and POINT wallet, a family member's voucher account, a group's pool, the region's
 * conversion accounts. One row per (owner, asset, purpose); the row is written before the ledger
 * account, with the account's id chosen up front, so concurrent first uses open one account.
 */
export const accounts = creditBank.table(
  'accounts',
  {
    accountId: uuid('account_id').primaryKey(),
    ownerType: text('owner_type', { enum: ['person', 'group', 'institution', 'region', 'plugin'] }).notNull(),
    ownerId: text('owner_id').notNull(),
    asset: text('asset').notNull(),
    purpose: text('purpose').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('accounts_owner_asset_purpose_key').on(t.ownerType, t.ownerId, t.asset, t.purpose),
    index('accounts_owner_idx').on(t.ownerType, t.ownerId),
  ],
);

/** Placement on a distributed cluster (docs/scale.md): an owner's accounts are looked up together. */
export const accountsDistribution: readonly TableDistribution[] = [
  { table: accounts, kind: 'distributed', column: 'owner_id', colocation: 'credit-bank-owner' },
];

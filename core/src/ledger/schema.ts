import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { coreSchema } from '../db/core-schema.js';
import type { TableDistribution } from '../db/distribution.js';

// Amounts are bigint minor units; `mode: 'bigint'` keeps them exact in JS (2^63-1 > 2^53).
const amount = (name: string) => bigint(name, { mode: 'bigint' });

/** Registered assets: a code and a scale (`CREDIT` scale 1 stores 0.5 credit as 5). */
export const ledgerAssets = coreSchema.table(
  'ledger_assets',
  {
    code: text('code').primaryKey(),
    scale: smallint('scale').notNull(),
    /** The platform's issuance (mint) account for this asset: debited to create units. */
    issuanceAccountId: uuid('issuance_account_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('ledger_assets_code_format', sql`${t.code} ~ '^[A-Z][A-Z0-9_]{0,15}$'`),
    check('ledger_assets_scale_range', sql`${t.scale} between 0 and 18`),
  ],
);

/**
 * Accounts with stored totals, so a balance read is one row. The CHECK constraints repeat the
 * engine's rules, so a bug in the engine fails the transaction instead of breaking an account.
 * A hot account (an asset's issuance account) has shard rows (`shardOf` = its id) that take
 * part of its postings, so concurrent mints do not queue on one row.
 */
export const ledgerAccounts = coreSchema.table(
  'ledger_accounts',
  {
    id: uuid('id').primaryKey(),
    asset: text('asset')
      .notNull()
      .references(() => ledgerAssets.code),
    ownerType: text('owner_type').notNull(),
    ownerId: text('owner_id'),
    /** `standard`, or `issuance` for an asset's mint account and its shards. */
    kind: text('kind').notNull().default('standard'),
    shardOf: uuid('shard_of'),
    debitsMustNotExceedCredits: boolean('debits_must_not_exceed_credits').notNull().default(false),
    creditsMustNotExceedDebits: boolean('credits_must_not_exceed_debits').notNull().default(false),
    closed: boolean('closed').notNull().default(false),
    debitsPending: amount('debits_pending').notNull().default(sql`0`),
    debitsPosted: amount('debits_posted').notNull().default(sql`0`),
    creditsPending: amount('credits_pending').notNull().default(sql`0`),
    creditsPosted: amount('credits_posted').notNull().default(sql`0`),
    /** Number of entries: the version of the account's latest entry. */
    version: bigint('version', { mode: 'number' }).notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * The plugin whose `ctx.ledger` opened the account (set by the runtime, not by the plugin);
     * null for accounts the platform or an API caller opened, and for those opened before it was
     * recorded.
     */
    openedBy: text('opened_by'),
    /** What the account is for, in the opener's words (`wallet`, `teaching-revenue`, ...); optional. */
    purpose: text('purpose'),
  },
  (t) => [
    index('ledger_accounts_owner_idx').on(t.ownerType, t.ownerId),
    index('ledger_accounts_shard_of_idx').on(t.shardOf),
    check(
      'ledger_accounts_owner_type',
      sql`${t.ownerType} in ('person', 'group', 'institution', 'region', 'platform', 'plugin')`,
    ),
    check('ledger_accounts_kind', sql`${t.kind} in ('standard', 'issuance')`),
    check(
      'ledger_accounts_purpose_format',
      sql`${t.purpose} ~ '^[a-z][a-z0-9]*(-[a-z0-9]+)*$' and length(${t.purpose}) <= 48`,
    ),
    check(
      'ledger_accounts_totals_non_negative',
      sql`${t.debitsPending} >= 0 and ${t.debitsPosted} >= 0 and ${t.creditsPending} >= 0 and ${t.creditsPosted} >= 0`,
    ),
    check(
      'ledger_accounts_flags_exclusive',
      sql`not (${t.debitsMustNotExceedCredits} and ${t.creditsMustNotExceedDebits})`,
    ),
    check(
      'ledger_accounts_debits_must_not_exceed_credits',
      sql`not ${t.debitsMustNotExceedCredits} or ${t.debitsPending}::numeric + ${t.debitsPosted} <= ${t.creditsPosted}`,
    ),
    check(
      'ledger_accounts_credits_must_not_exceed_debits',
      sql`not ${t.creditsMustNotExceedDebits} or ${t.creditsPending}::numeric + ${t.creditsPosted} <= ${t.debitsPosted}`,
    ),
  ],
);

/**
 * Committed transfers: immutable (a trigger rejects UPDATE, DELETE and TRUNCATE). `seq` orders
 * them for sealing; `requestHash` is the SHA-256 of the request as the client sent it, which
 * decides between a replay (`exists`) and a conflict (`existsWithDifferentFields`).
 */
export const ledgerTransfers = coreSchema.table(
  'ledger_transfers',
  {
    id: uuid('id').primaryKey(),
    seq: bigserial('seq', { mode: 'number' }).notNull().unique(),
    debitAccountId: uuid('debit_account_id').notNull(),
    creditAccountId: uuid('credit_account_id').notNull(),
    amount: amount('amount').notNull(),
    asset: text('asset').notNull(),
    code: integer('code').notNull(),
    /** `posted` (single phase), `pending`, `post` or `void`. */
    kind: text('kind').notNull(),
    linked: boolean('linked').notNull().default(false),
    pendingId: uuid('pending_id'),
    timeoutSeconds: integer('timeout_seconds').notNull().default(0),
    metadata: jsonb('metadata'),
    requestHash: text('request_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /**
     * Who posted it (actor.ts): `person` or `apiKey` (a caller), `plugin` (a plugin on its own) or
     * `system`; transfers from before actors were recorded are `system`.
     */
    actorType: text('actor_type').notNull().default('system'),
    actorId: text('actor_id'),
    /** The plugin whose code posted it, if a plugin did. */
    actorPlugin: text('actor_plugin'),
    requestId: text('request_id'),
  },
  (t) => [
    check('ledger_transfers_amount_positive', sql`${t.amount} > 0`),
    check('ledger_transfers_actor_type', sql`${t.actorType} in ('person', 'apiKey', 'plugin', 'system')`),
    check('ledger_transfers_kind', sql`${t.kind} in ('posted', 'pending', 'post', 'void')`),
    check('ledger_transfers_accounts_differ', sql`${t.debitAccountId} <> ${t.creditAccountId}`),
  ],
);

/**
 * Two-phase state of each pending transfer: the only mutable transfer data. A guarded UPDATE
 * (`where state = 'pending'`) makes post, void and expiry resolve it exactly once.
 */
export const ledgerPendingTransfers = coreSchema.table(
  'ledger_pending_transfers',
  {
    transferId: uuid('transfer_id').primaryKey(),
    debitAccountId: uuid('debit_account_id').notNull(),
    creditAccountId: uuid('credit_account_id').notNull(),
    amount: amount('amount').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    state: text('state').notNull().default('pending'),
    resolvedBy: uuid('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    index('ledger_pending_expiry_idx')
      .on(t.expiresAt)
      .where(sql`${t.state} = 'pending' and ${t.expiresAt} is not null`),
    check('ledger_pending_state', sql`${t.state} in ('pending', 'posted', 'voided', 'expired')`),
  ],
);

/**
 * One entry per account touched by a transfer (or by the expiry of a pending one): the deltas
 * and the account's totals after them, numbered by a per-account version. Folding an account's
 * entries must give its stored totals; `lifelong ledger verify` checks that.
 */
export const ledgerEntries = coreSchema.table(
  'ledger_entries',
  {
    accountId: uuid('account_id').notNull(),
    version: bigint('version', { mode: 'number' }).notNull(),
    transferId: uuid('transfer_id').notNull(),
    /** `posted`, `pending`, `post`, `void` or `expire`. */
    kind: text('kind').notNull(),
    side: text('side').notNull(),
    pendingDelta: amount('pending_delta').notNull(),
    postedDelta: amount('posted_delta').notNull(),
    debitsPending: amount('debits_pending').notNull(),
    debitsPosted: amount('debits_posted').notNull(),
    creditsPending: amount('credits_pending').notNull(),
    creditsPosted: amount('credits_posted').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // No index on transfer_id: it would cost every posting, and only verify (a full scan) joins on it.
    primaryKey({ columns: [t.accountId, t.version] }),
    check('ledger_entries_side', sql`${t.side} in ('debit', 'credit')`),
  ],
);

/**
 * Sealed blocks: each covers the transfers with `seq` in [firstSeq, lastSeq], commits to them
 * with a Merkle root and to the previous block with its hash.
 */
export const ledgerBlocks = coreSchema.table('ledger_blocks', {
  number: bigint('number', { mode: 'number' }).primaryKey(),
  firstSeq: bigint('first_seq', { mode: 'number' }).notNull(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  transferCount: integer('transfer_count').notNull(),
  merkleRoot: text('merkle_root').notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
  sealedAt: timestamp('sealed_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Placement on a distributed cluster (docs/scale.md): accounts and entries by account, a
 * transfer (and its two-phase state) with its debit account, sealed blocks on the coordinator.
 */
export const ledgerDistribution: readonly TableDistribution[] = [
  { table: ledgerAssets, kind: 'reference' },
  { table: ledgerAccounts, kind: 'distributed', column: 'id', colocation: 'account' },
  { table: ledgerEntries, kind: 'distributed', column: 'account_id', colocation: 'account' },
  { table: ledgerTransfers, kind: 'distributed', column: 'debit_account_id', colocation: 'account' },
  { table: ledgerPendingTransfers, kind: 'distributed', column: 'debit_account_id', colocation: 'account' },
  { table: ledgerBlocks, kind: 'local', reason: 'one small row per sealed block; the sealer runs on the coordinator' },
];

import type { TableDistribution } from '@lifelong/core';
import { sql } from 'drizzle-orm';
import { bigint, check, index, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { creditBank } from '../schema.js';
import { poolSpendRequests } from '../shared/pools/schema.js';

/**
 * Every movement of a group's pool, for its members to see: contributions in, spends and withdrawals
 * out (a spend is an exchange redemption paid by the pool; its status says whether it was delivered
 * or released; a withdrawal's person is the member it paid).
 */
export const poolMovements = creditBank.table(
  'pool_movements',
  {
    id: uuid('id').primaryKey(),
    groupId: uuid('group_id').notNull(),
    kind: text('kind', { enum: ['contribution', 'spend', 'withdrawal'] }).notNull(),
    personId: uuid('person_id').notNull(),
    learnerNumber: text('learner_number').notNull(),
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    /** The contribution's transfer, or the spend's hold. */
    transferId: uuid('transfer_id').notNull().unique(),
    redemptionId: uuid('redemption_id'),
    spendRequestId: uuid('spend_request_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('pool_movements_amount_positive', sql`${t.amount} > 0`),
    index('pool_movements_group_idx').on(t.groupId, t.id),
  ],
);

/** One row per approving managing member: the primary key makes approvals distinct. */
export const poolSpendApprovals = creditBank.table(
  'pool_spend_approvals',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => poolSpendRequests.id),
    personId: uuid('person_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.personId] })],
);

/** Placement on a distributed cluster (docs/scale.md): a pool's rows with its group. */
export const poolsDistribution: readonly TableDistribution[] = [
  { table: poolMovements, kind: 'distributed', column: 'group_id', colocation: 'group' },
  { table: poolSpendRequests, kind: 'distributed', column: 'group_id', colocation: 'group' },
  { table: poolSpendApprovals, kind: 'distributed', column: 'group_id', colocation: 'group' },
];

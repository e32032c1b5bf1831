import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { creditBank } from '../../schema.js';

// The pools' spend requests: here (not in pools/) because the exchange marks one refunded when the
// redemption it paid for is released.

/**
 * A managing member's proposal to spend the pool on a resource (`spend`) or to pay points out of it
 * to a member's wallet (`withdrawal`); executes at the approval count.
 */
export const poolSpendRequests = creditBank.table(
  'pool_spend_requests',
  {
    id: uuid('id').primaryKey(),
    groupId: uuid('group_id').notNull(),
    regionId: text('region_id').notNull(),
    kind: text('kind', { enum: ['spend', 'withdrawal'] })
      .notNull()
      .default('spend'),
    /** The resource a spend buys. */
    resourceId: uuid('resource_id'),
    /** The POINTs a withdrawal pays out, and to whom (a member of the group). */
    points: bigint('points', { mode: 'bigint' }),
    recipientId: uuid('recipient_id'),
    requestedBy: uuid('requested_by').notNull(),
    /** The region's count when the request was made: a later config change does not move the goal. */
    approvalsRequired: integer('approvals_required').notNull(),
    /** `refunded`: executed, then its redemption was cancelled, declined or expired (the pool got it back). */
    status: text('status', { enum: ['pending', 'executed', 'refunded'] })
      .notNull()
      .default('pending'),
    redemptionId: uuid('redemption_id').unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    executedAt: timestamp('executed_at', { withTimezone: true }),
    refundedAt: timestamp('refunded_at', { withTimezone: true }),
  },
  (t) => [
    index('pool_spend_requests_group_idx').on(t.groupId, t.id),
    check(
      'pool_spend_requests_kind_fields',
      sql`(${t.kind} = 'spend' and ${t.resourceId} is not null and ${t.points} is null and ${t.recipientId} is null)
        or (${t.kind} = 'withdrawal' and ${t.resourceId} is null and ${t.points} > 0 and ${t.recipientId} is not null)`,
    ),
  ],
);

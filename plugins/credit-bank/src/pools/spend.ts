import { type PluginRequestContext, uuidv7 } from '@lifelong/core';
import { and, count, eq } from 'drizzle-orm';
import type { CreditBankConfig } from '../config.js';
import { poolAccountOf } from '../shared/accounts.js';
import { redeem } from '../shared/exchange/redeem.js';
import { findResource } from '../shared/exchange/resources.js';
import { AlreadyApproved, SpendRequestClosed, SpendRequestNotFound } from './errors.js';
import { poolMovements, poolSpendApprovals, poolSpendRequests } from './schema.js';
import type { SpendRequest } from './schemas.js';

type Ctx = PluginRequestContext<typeof CreditBankConfig>;
export type SpendRequestRow = typeof poolSpendRequests.$inferSelect;

export async function approvalCount(ctx: Ctx, requestId: string): Promise<number> {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(poolSpendApprovals)
    .where(eq(poolSpendApprovals.requestId, requestId));
  return Number(row?.n ?? 0);
}

export const spendRequestView = (row: SpendRequestRow, approvals: number): SpendRequest => ({
  id: row.id,
  groupId: row.groupId,
  resourceId: row.resourceId,
  status: row.status,
  approvalsRequired: row.approvalsRequired,
  approvals,
  redemptionId: row.redemptionId,
  createdAt: row.createdAt.toISOString(),
  executedAt: row.executedAt?.toISOString() ?? null,
});

/**
 * Records a managing member's approval of a spend request and, at the required count, executes it:
 * an exchange redemption paid from the pool. The request row is locked first, so approvals are
 * counted one at a time and the request executes exactly once; if the redemption is refused (no
 * stock, too little in the pool) the whole call rolls back, approval included.
 */
export async function approve(
  ctx: Ctx,
  groupId: string,
  requestId: string,
  approver: { personId: string; learnerNumber: string },
): Promise<SpendRequestRow> {
  const [request] = await ctx.db
    .select()
    .from(poolSpendRequests)
    .where(and(eq(poolSpendRequests.id, requestId), eq(poolSpendRequests.groupId, groupId)))
    .for('update');
  if (!request) throw SpendRequestNotFound();
  if (request.status !== 'pending') throw SpendRequestClosed();
  const [added] = await ctx.db
    .insert(poolSpendApprovals)
    .values({ requestId, personId: approver.personId, createdAt: ctx.now() })
    .onConflictDoNothing()
    .returning();
  if (!added) throw AlreadyApproved();
  if ((await approvalCount(ctx, requestId)) < request.approvalsRequired) return request;

  const resource = await findResource(ctx.db, request.resourceId, request.regionId);
  const redemption = await redeem(ctx, {
    resource,
    personId: approver.personId,
    holdHours: ctx.config.exchange.holdHours,
    payer: { type: 'group', id: groupId, asset: 'POINT', accountId: await poolAccountOf(ctx, groupId) },
  });
  await ctx.db.insert(poolMovements).values({
    id: uuidv7(),
    groupId,
    kind: 'spend',
    personId: approver.personId,
    learnerNumber: approver.learnerNumber,
    amount: redemption.amount,
    transferId: redemption.holdTransferId,
    redemptionId: redemption.id,
    spendRequestId: request.id,
    createdAt: ctx.now(),
  });
  const [executed] = await ctx.db
    .update(poolSpendRequests)
    .set({ status: 'executed', redemptionId: redemption.id, executedAt: ctx.now() })
    .where(eq(poolSpendRequests.id, request.id))
    .returning();
  if (!executed) throw new Error(`Spend request ${request.id} vanished`);
  return executed;
}

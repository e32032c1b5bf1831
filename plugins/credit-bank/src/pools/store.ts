import { afterIdCursor, type Queryable, toPage } from '@lifelong/core';
import { and, count, eq } from 'drizzle-orm';
import { exchangeRedemptions } from '../shared/exchange/schema.js';
import { poolSpendRequests } from '../shared/pools/schema.js';
import { poolMovements, poolSpendApprovals } from './schema.js';
import type { PoolMovement, SpendRequest } from './schemas.js';

// The pools feature's queries: movements, spend and withdrawal requests and their approvals.

export type MovementRow = typeof poolMovements.$inferInsert & { id: string; createdAt: Date };
export type SpendRequestRow = typeof poolSpendRequests.$inferSelect;

export const spendRequestView = (
  row: SpendRequestRow,
  approvals: number,
  recipientLearnerNumber: string | null,
): SpendRequest => ({
  id: row.id,
  groupId: row.groupId,
  kind: row.kind,
  resourceId: row.resourceId,
  points: row.points === null ? null : String(row.points),
  to: recipientLearnerNumber,
  status: row.status,
  approvalsRequired: row.approvalsRequired,
  approvals,
  redemptionId: row.redemptionId,
  createdAt: row.createdAt.toISOString(),
  executedAt: row.executedAt?.toISOString() ?? null,
  refundedAt: row.refundedAt?.toISOString() ?? null,
});

/** A page of the group's movements, oldest first, with the state of the redemptions they paid. */
export async function movementsPage(db: Queryable, groupId: string, cursor: string | undefined, limit: number) {
  const rows = await db
    .select({
      movement: poolMovements,
      redemptionStatus: exchangeRedemptions.status,
      resourceId: exchangeRedemptions.resourceId,
    })
    .from(poolMovements)
    .leftJoin(exchangeRedemptions, eq(exchangeRedemptions.id, poolMovements.redemptionId))
    .where(and(eq(poolMovements.groupId, groupId), afterIdCursor(poolMovements.id, cursor)))
    .orderBy(poolMovements.id)
    .limit(limit + 1);
  return toPage(
    rows,
    limit,
    (row) => ({ id: row.movement.id }),
    ({ movement, redemptionStatus, resourceId }): PoolMovement => ({
      id: movement.id,
      kind: movement.kind,
      by: movement.learnerNumber,
      amount: String(movement.amount),
      redemption:
        movement.redemptionId && redemptionStatus && resourceId
          ? { id: movement.redemptionId, resourceId, status: redemptionStatus }
          : null,
      createdAt: movement.createdAt.toISOString(),
    }),
  );
}

export async function insertMovement(db: Queryable, row: typeof poolMovements.$inferInsert): Promise<void> {
  await db.insert(poolMovements).values(row);
}

export async function insertSpendRequest(
  db: Queryable,
  values: typeof poolSpendRequests.$inferInsert,
): Promise<SpendRequestRow> {
  const [request] = await db.insert(poolSpendRequests).values(values).returning();
  if (!request) throw new Error('insert returned no row');
  return request;
}

/** A page of the group's spend requests, oldest first. */
export async function spendRequestsPage(db: Queryable, groupId: string, cursor: string | undefined, limit: number) {
  const rows = await db
    .select()
    .from(poolSpendRequests)
    .where(and(eq(poolSpendRequests.groupId, groupId), afterIdCursor(poolSpendRequests.id, cursor)))
    .orderBy(poolSpendRequests.id)
    .limit(limit + 1);
  return toPage(rows, limit, (row) => ({ id: row.id }));
}

/** The spend request of the group, locked for this transaction (approvals count one at a time). */
export async function lockSpendRequest(
  db: Queryable,
  groupId: string,
  requestId: string,
): Promise<SpendRequestRow | undefined> {
  const [request] = await db
    .select()
    .from(poolSpendRequests)
    .where(and(eq(poolSpendRequests.id, requestId), eq(poolSpendRequests.groupId, groupId)))
    .for('update');
  return request;
}

/** Records an approval; false if this person already approved. */
export async function addApproval(db: Queryable, requestId: string, personId: string, at: Date): Promise<boolean> {
  const [added] = await db
    .insert(poolSpendApprovals)
    .values({ requestId, personId, createdAt: at })
    .onConflictDoNothing()
    .returning();
  return added !== undefined;
}

export async function approvalCount(db: Queryable, requestId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(poolSpendApprovals)
    .where(eq(poolSpendApprovals.requestId, requestId));
  return Number(row?.n ?? 0);
}

export async function markExecuted(
  db: Queryable,
  requestId: string,
  redemptionId: string | null,
  at: Date,
): Promise<SpendRequestRow> {
  const [executed] = await db
    .update(poolSpendRequests)
    .set({ status: 'executed', redemptionId, executedAt: at })
    .where(eq(poolSpendRequests.id, requestId))
    .returning();
  if (!executed) throw new Error(`Spend request ${requestId} vanished`);
  return executed;
}

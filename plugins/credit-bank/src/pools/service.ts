import { type PluginRequestContext, uuidv7 } from '@lifelong/core';
import { TransferCodes } from '../codes.js';
import type { CreditBankConfig } from '../config.js';
import { pointWalletOf, poolAccountOf } from '../shared/accounts.js';
import { balanceOf } from '../shared/balance.js';
import { MinorCannotSend } from '../shared/errors.js';
import { redeem } from '../shared/exchange/redeem.js';
import { findResource } from '../shared/exchange/resources.js';
import { memberOf } from '../shared/group.js';
import { isManagingRole } from '../shared/group-roles.js';
import { ledgerErrors } from '../shared/ledger-outcome.js';
import { AlreadyApproved, NotAPoolManager, SpendRequestClosed, SpendRequestNotFound } from './errors.js';
import type { Pool, PoolMovement, SpendRequest } from './schemas.js';
import {
  addApproval,
  approvalCount,
  insertMovement,
  insertSpendRequest,
  lockSpendRequest,
  markExecuted,
  movementsPage,
  type SpendRequestRow,
  spendRequestsPage,
  spendRequestView,
} from './store.js';

// The rules of group pools, in the request's transaction: who may see, pay into and spend a
// group's pool, and how approvals turn a spend request into an exchange redemption.

type Ctx = PluginRequestContext<typeof CreditBankConfig>;

/** An adult managing member of the group (of this region), with their learner number. */
async function managerOf(ctx: Ctx, groupId: string) {
  const member = await memberOf(ctx, groupId);
  if (!isManagingRole(member.group.type, member.role)) throw NotAPoolManager();
  // Spending the pool sends points on the group's behalf: like their own, minors never send them.
  if ((await ctx.identity.personById(member.personId))?.isMinor !== false) throw MinorCannotSend();
  return { ...member, learnerNumber: ctx.principal.kind === 'person' ? ctx.principal.learnerNumber : '' };
}

/** The group's pool balance (members only). */
export async function poolOf(ctx: Ctx, groupId: string): Promise<Pool> {
  const { group } = await memberOf(ctx, groupId);
  const balance = await balanceOf(ctx, await poolAccountOf(ctx, group.id));
  return { groupId: group.id, ...balance, approvalsRequired: ctx.config.pools.approvalsRequired };
}

/** A page of the group's movements (members only). */
export async function listMovements(ctx: Ctx, groupId: string, query: { cursor?: string; limit?: number }) {
  const { group } = await memberOf(ctx, groupId);
  return movementsPage(ctx.db, group.id, query.cursor, query.limit ?? 50);
}

/** A member (never a minor) moves points from their wallet into the group's pool. */
export async function contribute(ctx: Ctx, groupId: string, points: string): Promise<PoolMovement> {
  const { group, personId } = await memberOf(ctx, groupId);
  const person = await ctx.identity.personById(personId);
  if (!person || person.isMinor) throw MinorCannotSend();
  const row = {
    id: uuidv7(),
    groupId: group.id,
    kind: 'contribution' as const,
    personId,
    learnerNumber: person.learnerNumber,
    amount: BigInt(points),
    transferId: uuidv7(),
    redemptionId: null,
    spendRequestId: null,
    createdAt: ctx.now(),
  };
  await ctx.ledger.transferOrThrow(
    [
      {
        id: row.transferId,
        debitAccountId: await pointWalletOf(ctx, personId),
        creditAccountId: await poolAccountOf(ctx, group.id),
        amount: row.amount,
        code: TransferCodes.poolContribution,
        metadata: { groupId: group.id, movementId: row.id },
      },
    ],
    ledgerErrors('Contributing to the pool'),
  );
  await insertMovement(ctx.db, row);
  return {
    id: row.id,
    kind: row.kind,
    by: row.learnerNumber,
    amount: points,
    redemption: null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A managing member proposes spending the pool on a resource; their proposal is their approval. */
export async function proposeSpend(ctx: Ctx, groupId: string, resourceId: string): Promise<SpendRequest> {
  const { group, personId, learnerNumber } = await managerOf(ctx, groupId);
  const resource = await findResource(ctx.db, resourceId, ctx.regionId);
  const request = await insertSpendRequest(ctx.db, {
    id: uuidv7(),
    groupId: group.id,
    regionId: ctx.regionId,
    resourceId: resource.id,
    requestedBy: personId,
    approvalsRequired: ctx.config.pools.approvalsRequired,
    createdAt: ctx.now(),
  });
  const row = await approve(ctx, group.id, request.id, { personId, learnerNumber });
  return spendRequestView(row, await approvalCount(ctx.db, row.id));
}

/** A page of the group's spend requests with their approval counts (members only). */
export async function listSpendRequests(ctx: Ctx, groupId: string, query: { cursor?: string; limit?: number }) {
  const { group } = await memberOf(ctx, groupId);
  const page = await spendRequestsPage(ctx.db, group.id, query.cursor, query.limit ?? 50);
  const items: SpendRequest[] = [];
  for (const row of page.items) items.push(spendRequestView(row, await approvalCount(ctx.db, row.id)));
  return { items, nextCursor: page.nextCursor };
}

/** A managing member approves a spend request (see `approve`). */
export async function approveSpend(ctx: Ctx, groupId: string, requestId: string): Promise<SpendRequest> {
  const { group, personId, learnerNumber } = await managerOf(ctx, groupId);
  const row = await approve(ctx, group.id, requestId, { personId, learnerNumber });
  return spendRequestView(row, await approvalCount(ctx.db, row.id));
}

/**
 * Records a managing member's approval of a spend request and, at the required count, executes it:
 * an exchange redemption paid from the pool. The request row is locked first, so approvals are
 * counted one at a time and the request executes exactly once; if the redemption is refused (no
 * stock, too little in the pool) the whole call rolls back, approval included.
 */
async function approve(
  ctx: Ctx,
  groupId: string,
  requestId: string,
  approver: { personId: string; learnerNumber: string },
): Promise<SpendRequestRow> {
  const request = await lockSpendRequest(ctx.db, groupId, requestId);
  if (!request) throw SpendRequestNotFound();
  if (request.status !== 'pending') throw SpendRequestClosed();
  if (!(await addApproval(ctx.db, requestId, approver.personId, ctx.now()))) throw AlreadyApproved();
  if ((await approvalCount(ctx.db, requestId)) < request.approvalsRequired) return request;

  const resource = await findResource(ctx.db, request.resourceId, request.regionId);
  const redemption = await redeem(ctx, {
    resource,
    personId: approver.personId,
    holdHours: ctx.config.exchange.holdHours,
    payer: { type: 'group', id: groupId, asset: 'POINT', accountId: await poolAccountOf(ctx, groupId) },
  });
  await insertMovement(ctx.db, {
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
  return markExecuted(ctx.db, request.id, redemption.id, ctx.now());
}

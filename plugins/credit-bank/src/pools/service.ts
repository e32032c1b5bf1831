import { type PluginRequestContext, uuidv7, ValidationFailed } from '@lifelong/core';
import { TransferCodes } from '../codes.js';
import type { CreditBankConfig } from '../config.js';
import { derivedId } from '../ids.js';
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

/** A request as members see it: its approvals so far and, for a withdrawal, the member it pays. */
async function requestView(ctx: Ctx, row: SpendRequestRow): Promise<SpendRequest> {
  const recipient = row.recipientId ? await ctx.identity.personById(row.recipientId) : null;
  return spendRequestView(row, await approvalCount(ctx.db, row.id), recipient?.learnerNumber ?? null);
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
  return requestView(ctx, row);
}

/**
 * A managing member proposes paying `points` out of the pool to a member's wallet (their own
 * included): the group's rule for spending applies, the same count of distinct managing members'
 * approvals, and the proposal is the first.
 */
export async function proposeWithdrawal(
  ctx: Ctx,
  groupId: string,
  body: { points: string; toLearnerNumber: string },
): Promise<SpendRequest> {
  const { group, personId, learnerNumber } = await managerOf(ctx, groupId);
  const recipient = await ctx.identity.person(body.toLearnerNumber);
  if (!recipient || !(await ctx.identity.groupRole(group.id, recipient.id))) {
    throw ValidationFailed({
      errors: [
        { path: '/body/toLearnerNumber', rule: 'groupMember', message: 'Withdrawals pay members of the group only' },
      ],
    });
  }
  const request = await insertSpendRequest(ctx.db, {
    id: uuidv7(),
    groupId: group.id,
    regionId: ctx.regionId,
    kind: 'withdrawal',
    resourceId: null,
    points: BigInt(body.points),
    recipientId: recipient.id,
    requestedBy: personId,
    approvalsRequired: ctx.config.pools.approvalsRequired,
    createdAt: ctx.now(),
  });
  const row = await approve(ctx, group.id, request.id, { personId, learnerNumber });
  return requestView(ctx, row);
}

/** A page of the group's spend requests with their approval counts (members only). */
export async function listSpendRequests(ctx: Ctx, groupId: string, query: { cursor?: string; limit?: number }) {
  const { group } = await memberOf(ctx, groupId);
  const page = await spendRequestsPage(ctx.db, group.id, query.cursor, query.limit ?? 50);
  const items: SpendRequest[] = [];
  for (const row of page.items) items.push(await requestView(ctx, row));
  return { items, nextCursor: page.nextCursor };
}

/** A managing member approves a spend request (see `approve`). */
export async function approveSpend(ctx: Ctx, groupId: string, requestId: string): Promise<SpendRequest> {
  const { group, personId, learnerNumber } = await managerOf(ctx, groupId);
  const row = await approve(ctx, group.id, requestId, { personId, learnerNumber });
  return requestView(ctx, row);
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
  if (request.kind === 'withdrawal') return payOut(ctx, request);

  if (!request.resourceId) throw new Error(`Spend request ${request.id} names no resource`);
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

/**
 * Executes an approved withdrawal: one transfer from the pool to the member's wallet, its id derived
 * from the request's so it is made once. Too little in the pool rolls the approval back with it.
 */
async function payOut(ctx: Ctx, request: SpendRequestRow): Promise<SpendRequestRow> {
  const recipient = request.recipientId ? await ctx.identity.personById(request.recipientId) : null;
  if (!recipient || request.points === null) throw new Error(`Withdrawal ${request.id} lacks its recipient or points`);
  const transferId = derivedId('pool-withdrawal', request.id);
  await ctx.ledger.transferOrThrow(
    [
      {
        id: transferId,
        debitAccountId: await poolAccountOf(ctx, request.groupId),
        creditAccountId: await pointWalletOf(ctx, recipient.id),
        amount: request.points,
        code: TransferCodes.poolWithdrawal,
        metadata: { groupId: request.groupId, requestId: request.id },
      },
    ],
    ledgerErrors('Paying out of the pool'),
  );
  await insertMovement(ctx.db, {
    id: uuidv7(),
    groupId: request.groupId,
    kind: 'withdrawal',
    personId: recipient.id,
    learnerNumber: recipient.learnerNumber,
    amount: request.points,
    transferId,
    redemptionId: null,
    spendRequestId: request.id,
    createdAt: ctx.now(),
  });
  return markExecuted(ctx.db, request.id, null, ctx.now());
}

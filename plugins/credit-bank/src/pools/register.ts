import { afterIdCursor, type PluginRequestContext, toPage, uuidv7 } from '@lifelong/core';
import { and, eq } from 'drizzle-orm';
import { pointWalletOf, poolAccountOf } from '../accounts.js';
import { TransferCodes } from '../codes.js';
import type { CreditBankConfig, CreditBankRegistrar } from '../config.js';
import { exchangeRedemptions } from '../exchange/schema.js';
import { findResource } from '../exchange/store.js';
import { balanceOf } from '../wallet/balance.js';
import { InsufficientFunds, LedgerRefused, MinorCannotSend } from '../wallet/errors.js';
import { memberOf } from '../wallet/group.js';
import { requireApplied } from '../wallet/ledger-outcome.js';
import { AlreadyApproved, NotAPoolManager, SpendRequestClosed } from './errors.js';
import { isManagingRole } from './roles.js';
import { poolMovements, poolSpendRequests } from './schema.js';
import {
  ContributionBody,
  Pool,
  PoolListQuery,
  PoolMovement,
  PoolMovementPage,
  PoolParams,
  SpendRequest,
  SpendRequestBody,
  SpendRequestPage,
  SpendRequestParams,
} from './schemas.js';
import { approvalCount, approve, spendRequestView } from './spend.js';

type Ctx = PluginRequestContext<typeof CreditBankConfig>;

/** An adult managing member of the group (of this region), with their learner number. */
async function managerOf(ctx: Ctx, groupId: string) {
  const member = await memberOf(ctx, groupId);
  if (!isManagingRole(member.group.type, member.role)) throw NotAPoolManager();
  // Spending the pool sends points on the group's behalf: like their own, minors never send them.
  if ((await ctx.identity.personById(member.personId))?.isMinor !== false) throw MinorCannotSend();
  return { ...member, learnerNumber: ctx.principal.kind === 'person' ? ctx.principal.learnerNumber : '' };
}

/** Declares the pools feature's routes, handlers and jobs. */
export function registerPools(p: CreditBankRegistrar): void {
  p.route({
    method: 'get',
    path: '/pools/{groupId}',
    summary: "The group's pool: balance, what pending spends hold, and the approval count",
    access: { authenticated: 'members of the group' },
    request: { params: PoolParams },
    responses: { 200: { description: 'The pool', schema: Pool } },
    handler: async ({ params }, ctx) => {
      const { group } = await memberOf(ctx, params.groupId);
      const balance = await balanceOf(ctx, await poolAccountOf(ctx, group.id));
      return {
        status: 200,
        body: { groupId: group.id, ...balance, approvalsRequired: ctx.config.pools.approvalsRequired },
      };
    },
  });

  p.route({
    method: 'get',
    path: '/pools/{groupId}/movements',
    summary: "Every movement of the group's pool, oldest first",
    access: { authenticated: 'members of the group' },
    request: { params: PoolParams, query: PoolListQuery },
    responses: { 200: { description: 'A page of movements', schema: PoolMovementPage } },
    handler: async ({ params, query }, ctx) => {
      const { group } = await memberOf(ctx, params.groupId);
      const limit = query.limit ?? 50;
      const rows = await ctx.db
        .select({
          movement: poolMovements,
          redemptionStatus: exchangeRedemptions.status,
          resourceId: exchangeRedemptions.resourceId,
        })
        .from(poolMovements)
        .leftJoin(exchangeRedemptions, eq(exchangeRedemptions.id, poolMovements.redemptionId))
        .where(and(eq(poolMovements.groupId, group.id), afterIdCursor(poolMovements.id, query.cursor)))
        .orderBy(poolMovements.id)
        .limit(limit + 1);
      return {
        status: 200,
        body: toPage(
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
        ),
      };
    },
  });

  p.route({
    method: 'post',
    path: '/pools/{groupId}/contributions',
    errors: [InsufficientFunds, LedgerRefused],
    summary: "Contribute points from your wallet to the group's pool",
    access: { authenticated: 'adult members of the group' },
    request: { params: PoolParams, body: ContributionBody },
    responses: { 201: { description: 'The movement', schema: PoolMovement } },
    handler: async ({ params, body }, ctx) => {
      const { group, personId } = await memberOf(ctx, params.groupId);
      const person = await ctx.identity.personById(personId);
      if (!person || person.isMinor) throw MinorCannotSend();
      const row = {
        id: uuidv7(),
        groupId: group.id,
        kind: 'contribution' as const,
        personId,
        learnerNumber: person.learnerNumber,
        amount: BigInt(body.points),
        transferId: uuidv7(),
        redemptionId: null,
        spendRequestId: null,
        createdAt: ctx.now(),
      };
      requireApplied(
        await ctx.ledger.transfer([
          {
            id: row.transferId,
            debitAccountId: await pointWalletOf(ctx, personId),
            creditAccountId: await poolAccountOf(ctx, group.id),
            amount: row.amount,
            code: TransferCodes.poolContribution,
            metadata: { groupId: group.id, movementId: row.id },
          },
        ]),
        'Contributing to the pool',
      );
      await ctx.db.insert(poolMovements).values(row);
      return {
        status: 201,
        body: {
          id: row.id,
          kind: row.kind,
          by: row.learnerNumber,
          amount: body.points,
          redemption: null,
          createdAt: row.createdAt.toISOString(),
        },
      };
    },
  });

  p.route({
    method: 'post',
    path: '/pools/{groupId}/spend-requests',
    summary: 'Propose spending the pool on a resource (counts as your approval; executes at the approval count)',
    access: { authenticated: 'managing members of the group' },
    request: { params: PoolParams, body: SpendRequestBody },
    responses: { 201: { description: 'The spend request', schema: SpendRequest } },
    handler: async ({ params, body }, ctx) => {
      const { group, personId, learnerNumber } = await managerOf(ctx, params.groupId);
      const resource = await findResource(ctx.db, body.resourceId, ctx.regionId);
      const [request] = await ctx.db
        .insert(poolSpendRequests)
        .values({
          id: uuidv7(),
          groupId: group.id,
          regionId: ctx.regionId,
          resourceId: resource.id,
          requestedBy: personId,
          approvalsRequired: ctx.config.pools.approvalsRequired,
          createdAt: ctx.now(),
        })
        .returning();
      if (!request) throw new Error('insert returned no row');
      const row = await approve(ctx, group.id, request.id, { personId, learnerNumber });
      return { status: 201, body: spendRequestView(row, await approvalCount(ctx, row.id)) };
    },
  });

  p.route({
    method: 'get',
    path: '/pools/{groupId}/spend-requests',
    summary: "The group's spend requests, oldest first",
    access: { authenticated: 'members of the group' },
    request: { params: PoolParams, query: PoolListQuery },
    responses: { 200: { description: 'A page of spend requests', schema: SpendRequestPage } },
    handler: async ({ params, query }, ctx) => {
      const { group } = await memberOf(ctx, params.groupId);
      const limit = query.limit ?? 50;
      const rows = await ctx.db
        .select()
        .from(poolSpendRequests)
        .where(and(eq(poolSpendRequests.groupId, group.id), afterIdCursor(poolSpendRequests.id, query.cursor)))
        .orderBy(poolSpendRequests.id)
        .limit(limit + 1);
      const page = toPage(rows, limit, (row) => ({ id: row.id }));
      const items = [];
      for (const row of page.items) items.push(spendRequestView(row, await approvalCount(ctx, row.id)));
      return { status: 200, body: { items, nextCursor: page.nextCursor } };
    },
  });

  p.route({
    method: 'post',
    path: '/pools/{groupId}/spend-requests/{requestId}/approvals',
    errors: [SpendRequestClosed, AlreadyApproved, InsufficientFunds, LedgerRefused],
    summary: 'Approve a spend request; the approval that reaches the count executes it',
    access: { authenticated: 'managing members of the group' },
    request: { params: SpendRequestParams },
    responses: { 200: { description: 'The spend request', schema: SpendRequest } },
    handler: async ({ params }, ctx) => {
      const { group, personId, learnerNumber } = await managerOf(ctx, params.groupId);
      const row = await approve(ctx, group.id, params.requestId, { personId, learnerNumber });
      return { status: 200, body: spendRequestView(row, await approvalCount(ctx, row.id)) };
    },
  });
}

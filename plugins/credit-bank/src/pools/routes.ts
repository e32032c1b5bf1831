import { afterIdCursor, type PluginRequestContext, toPage, uuidv7 } from '@lifelong/core';
import { and, eq } from 'drizzle-orm';
import { TransferCodes } from '../codes.js';
import type { CreditBankConfig, CreditBankRegistrar } from '../config.js';
import { pointWalletOf, poolAccountOf } from '../shared/accounts.js';
import { balanceOf } from '../shared/balance.js';
import { MinorCannotSend } from '../shared/errors.js';
import { findResource } from '../shared/exchange/resources.js';
import { exchangeRedemptions } from '../shared/exchange/schema.js';
import { memberOf } from '../shared/group.js';
import { isManagingRole } from '../shared/group-roles.js';
import { requireApplied } from '../shared/ledger-outcome.js';
import * as contract from './contract.js';
import { NotAPoolManager } from './errors.js';
import { poolMovements, poolSpendRequests } from './schema.js';
import type { PoolMovement } from './schemas.js';
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
  p.route(contract.getPool, async ({ params }, ctx) => {
    const { group } = await memberOf(ctx, params.groupId);
    const balance = await balanceOf(ctx, await poolAccountOf(ctx, group.id));
    return {
      status: 200,
      body: { groupId: group.id, ...balance, approvalsRequired: ctx.config.pools.approvalsRequired },
    };
  });

  p.route(contract.listPoolMovements, async ({ params, query }, ctx) => {
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
  });

  p.route(contract.contributeToPool, async ({ params, body }, ctx) => {
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
  });

  p.route(contract.createSpendRequest, async ({ params, body }, ctx) => {
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
  });

  p.route(contract.listSpendRequests, async ({ params, query }, ctx) => {
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
  });

  p.route(contract.approveSpendRequest, async ({ params }, ctx) => {
    const { group, personId, learnerNumber } = await managerOf(ctx, params.groupId);
    const row = await approve(ctx, group.id, params.requestId, { personId, learnerNumber });
    return { status: 200, body: spendRequestView(row, await approvalCount(ctx, row.id)) };
  });
}

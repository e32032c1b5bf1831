import type { CreditBankRegistrar } from '../config.js';
import * as contract from './contract.js';
import {
  approveSpend,
  contribute,
  listMovements,
  listSpendRequests,
  poolOf,
  proposeSpend,
  proposeWithdrawal,
} from './service.js';

/** Declares the pools feature's routes: each hands the request to the service. */
export function registerPools(p: CreditBankRegistrar): void {
  p.route(contract.getPool, async ({ params }, ctx) => ({ status: 200, body: await poolOf(ctx, params.groupId) }));

  p.route(contract.listPoolMovements, async ({ params, query }, ctx) => ({
    status: 200,
    body: await listMovements(ctx, params.groupId, query),
  }));

  p.route(contract.contributeToPool, async ({ params, body }, ctx) => ({
    status: 201,
    body: await contribute(ctx, params.groupId, body.points),
  }));

  p.route(contract.createSpendRequest, async ({ params, body }, ctx) => ({
    status: 201,
    body: await proposeSpend(ctx, params.groupId, body.resourceId),
  }));

  p.route(contract.createWithdrawalRequest, async ({ params, body }, ctx) => ({
    status: 201,
    body: await proposeWithdrawal(ctx, params.groupId, body),
  }));

  p.route(contract.listSpendRequests, async ({ params, query }, ctx) => ({
    status: 200,
    body: await listSpendRequests(ctx, params.groupId, query),
  }));

  p.route(contract.approveSpendRequest, async ({ params }, ctx) => ({
    status: 200,
    body: await approveSpend(ctx, params.groupId, params.requestId),
  }));
}

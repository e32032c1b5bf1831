import type { TeacherDevelopmentRegistrar } from '../config.js';
import { PeopleOnly } from '../errors.js';
import * as contract from './contract.js';
import * as service from './service.js';

/** Serves the pricing feature: quotes, on-demand and scheduled recomputation, history, wallets. */
export function registerPricing(p: TeacherDevelopmentRegistrar): void {
  p.every('recompute-prices', { intervalMs: 60 * 60 * 1000 }, service.recomputeAll);

  p.route(contract.getPrice, async ({ params }, ctx) => ({
    status: 200,
    body: await service.quote(ctx, params.courseId),
  }));

  p.route(contract.recomputePrice, async ({ params }, ctx) => ({
    status: 200,
    body: await service.recomputeNow(ctx, params.courseId),
  }));

  p.route(contract.listPriceHistory, async ({ params, query }, ctx) => ({
    status: 200,
    body: await service.historyOf(ctx, params.courseId, query),
  }));

  p.route(contract.getWallet, async (_input, ctx) => ({
    status: 200,
    body: await service.walletOf(ctx, ctx.requirePerson(PeopleOnly)),
  }));
}

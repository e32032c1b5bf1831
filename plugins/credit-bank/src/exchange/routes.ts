import type { CreditBankRegistrar } from '../config.js';
import * as contract from './contract.js';
import {
  cancel,
  deliver,
  expireDueRedemptions,
  getResource,
  listResources,
  myRedemptions,
  offerResource,
  redeemForPerson,
  resourceRedemptions,
  updateResource,
} from './service.js';

/** Declares the exchange feature's routes (each hands the request to the service) and its expiry job. */
export function registerExchange(p: CreditBankRegistrar): void {
  p.route(contract.createResource, async ({ body }, ctx) => ({ status: 201, body: await offerResource(ctx, body) }));

  p.route(contract.listResources, async ({ query }, ctx) => ({ status: 200, body: await listResources(ctx, query) }));

  p.route(contract.getResource, async ({ params }, ctx) => ({
    status: 200,
    body: await getResource(ctx, params.resourceId),
  }));

  p.route(contract.updateResource, async ({ params, body }, ctx) => ({
    status: 200,
    body: await updateResource(ctx, params.resourceId, body),
  }));

  p.route(contract.createRedemption, async ({ params, body }, ctx) => ({
    status: 201,
    body: await redeemForPerson(ctx, params.resourceId, body.payWith),
  }));

  p.route(contract.listResourceRedemptions, async ({ params, query }, ctx) => ({
    status: 200,
    body: await resourceRedemptions(ctx, params.resourceId, query),
  }));

  p.route(contract.listMyRedemptions, async ({ query }, ctx) => ({
    status: 200,
    body: await myRedemptions(ctx, query),
  }));

  p.route(contract.deliverRedemption, async ({ params }, ctx) => ({
    status: 200,
    body: await deliver(ctx, params.redemptionId),
  }));

  p.route(contract.cancelRedemption, async ({ params }, ctx) => ({
    status: 200,
    body: await cancel(ctx, params.redemptionId),
  }));

  p.every('expire-redemptions', { intervalMs: 60_000 }, async (ctx) => {
    const expired = await expireDueRedemptions(ctx);
    if (expired > 0) ctx.logger.info({ expired }, 'expired held redemptions');
  });
}

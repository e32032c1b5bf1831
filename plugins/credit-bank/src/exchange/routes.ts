import type { CreditBankRegistrar } from '../config.js';
import * as contract from './contract.js';
import {
  cancel,
  decideApproval,
  deliver,
  expireDueRedemptions,
  getResource,
  listResources,
  myRedemptions,
  offerResource,
  personRedemptions,
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

  p.route(contract.listPersonRedemptions, async ({ params, query }, ctx) => ({
    status: 200,
    body: await personRedemptions(ctx, params.learnerNumber, query),
  }));

  p.route(contract.approveRedemption, async ({ params }, ctx) => ({
    status: 200,
    body: await decideApproval(ctx, params.redemptionId, 'approved'),
  }));

  p.route(contract.declineRedemption, async ({ params }, ctx) => ({
    status: 200,
    body: await decideApproval(ctx, params.redemptionId, 'declined'),
  }));

  p.every('expire-redemptions', { intervalMs: 60_000 }, async (ctx) => {
    const { expired, failed } = await expireDueRedemptions(ctx);
    if (expired > 0 || failed > 0) ctx.logger.info({ expired, failed }, 'expired held redemptions');
  });
}

import type { CommunityRegistrar } from '../config.js';
import * as contract from './contract.js';
import * as service from './service.js';

/** Serves learning needs: bounties in escrow, offers, acceptance, withdrawal and expiry. */
export function registerNeeds(p: CommunityRegistrar): void {
  p.route(contract.createNeed, async ({ body }, ctx) => ({ status: 201, body: await service.createNeed(ctx, body) }));
  p.route(contract.listNeeds, async ({ query }, ctx) => ({ status: 200, body: await service.listNeeds(ctx, query) }));
  p.route(contract.getNeed, async ({ params }, ctx) => ({
    status: 200,
    body: await service.getNeed(ctx, params.needId),
  }));
  p.route(contract.createOffer, async ({ params, body }, ctx) => ({
    status: 201,
    body: await service.createOffer(ctx, params.needId, body.message),
  }));
  p.route(contract.listOffers, async ({ params, query }, ctx) => ({
    status: 200,
    body: await service.listOffers(ctx, params.needId, query),
  }));
  p.route(contract.acceptOffer, async ({ params }, ctx) => ({
    status: 200,
    body: await service.acceptOffer(ctx, params.needId, params.offerId),
  }));
  p.route(contract.withdrawNeed, async ({ params }, ctx) => ({
    status: 200,
    body: await service.withdrawNeed(ctx, params.needId),
  }));
  p.every('expire-needs', { intervalMs: 60_000 }, async (ctx) => {
    const expired = await service.expireNeeds(ctx);
    if (expired > 0) ctx.logger.info({ expired }, 'expired learning needs, bounties refunded');
  });
}

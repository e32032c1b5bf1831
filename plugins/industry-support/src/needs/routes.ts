import type { IndustrySupportRegistrar } from '../config.js';
import * as contract from './contract.js';
import * as service from './service.js';

/** Serves need profiles: draft → open → closed, versioned. */
export function registerNeeds(p: IndustrySupportRegistrar): void {
  p.route(contract.createNeed, async ({ body }, ctx) => ({ status: 201, body: await service.createNeed(ctx, body) }));
  p.route(contract.listNeeds, async ({ query }, ctx) => ({ status: 200, body: await service.listNeeds(ctx, query) }));
  p.route(contract.getNeed, async ({ params }, ctx) => ({
    status: 200,
    body: await service.getNeed(ctx, params.needId),
  }));
  p.route(contract.updateNeed, async ({ params, body }, ctx) => ({
    status: 200,
    body: await service.updateNeed(ctx, params.needId, body),
  }));
  p.route(contract.publishNeed, async ({ params }, ctx) => ({
    status: 200,
    body: await service.publishNeed(ctx, params.needId),
  }));
  p.route(contract.closeNeed, async ({ params }, ctx) => ({
    status: 200,
    body: await service.closeNeed(ctx, params.needId),
  }));
  p.route(contract.getNeedVersion, async ({ params }, ctx) => ({
    status: 200,
    body: await service.getNeedVersion(ctx, params.needId, params.version),
  }));
}

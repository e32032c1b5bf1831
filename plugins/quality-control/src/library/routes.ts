import type { QualityControlRegistrar } from '../config.js';
import * as contract from './contract.js';
import * as service from './service.js';

/** Serves the indicator library: packs, the region's own versioned indicators. */
export function registerLibrary(p: QualityControlRegistrar): void {
  p.route(contract.listIndicators, async (_input, ctx) => ({ status: 200, body: await service.listIndicators(ctx) }));
  p.route(contract.createIndicator, async ({ body }, ctx) => ({
    status: 201,
    body: await service.createIndicator(ctx, body),
  }));
  p.route(contract.indicatorVersions, async ({ params }, ctx) => ({
    status: 200,
    body: await service.indicatorVersions(ctx, params.code),
  }));
  p.route(contract.listPacks, async (_input, ctx) => ({ status: 200, body: await service.listPacks(ctx) }));
  p.route(contract.adoptPack, async ({ params, body }, ctx) => ({
    status: 200,
    body: await service.adoptPack(ctx, params.packId, body.adopted),
  }));
}

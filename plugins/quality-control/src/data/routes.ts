import type { QualityControlRegistrar } from '../config.js';
import * as contract from './contract.js';
import { registerFeeds } from './feeds.js';
import * as service from './service.js';

/** Serves scopes and data: the scope tree, manual entry, CSV uploads, the audit list; the event feeds. */
export function registerData(p: QualityControlRegistrar): void {
  registerFeeds(p);
  p.route(contract.createScope, async ({ body }, ctx) => ({ status: 201, body: await service.createScope(ctx, body) }));
  p.route(contract.listChildren, async ({ params }, ctx) => ({
    status: 200,
    body: await service.listChildren(ctx, params.scopeType, params.scopeId),
  }));
  p.route(contract.recordPoints, async ({ params, body }, ctx) => ({
    status: 201,
    body: await service.enterPoints(ctx, params.scopeType, params.scopeId, body.points),
  }));
  p.route(contract.uploadPoints, async ({ params, upload }, ctx) => ({
    status: 201,
    body: await service.uploadPoints(ctx, params.scopeType, params.scopeId, upload),
  }));
  p.route(contract.listPoints, async ({ params, query }, ctx) => ({
    status: 200,
    body: await service.listPoints(ctx, params.scopeType, params.scopeId, query),
  }));
}

import type { AssessmentsRegistrar } from '../config.js';
import * as contract from './contract.js';
import * as service from './service.js';

/** Serves item banks: banks, their items, and items documents in and out. */
export function registerBanks(p: AssessmentsRegistrar): void {
  p.route(contract.createBank, async ({ body }, ctx) => ({ status: 201, body: await service.createBank(ctx, body) }));
  p.route(contract.listBanks, async ({ query }, ctx) => ({ status: 200, body: await service.listBanks(ctx, query) }));
  p.route(contract.getBank, async ({ params }, ctx) => ({
    status: 200,
    body: await service.getBank(ctx, params.bankId),
  }));
  p.route(contract.addItem, async ({ params, body }, ctx) => ({
    status: 201,
    body: await service.addItem(ctx, params.bankId, body),
  }));
  p.route(contract.listItems, async ({ params, query }, ctx) => ({
    status: 200,
    body: await service.listItems(ctx, params.bankId, query),
  }));
  p.route(contract.getItem, async ({ params }, ctx) => ({
    status: 200,
    body: await service.getItem(ctx, params.bankId, params.itemId),
  }));
  p.route(contract.exportItems, async ({ params }, ctx) => ({
    status: 200,
    body: await service.exportItems(ctx, params.bankId),
  }));
  p.route(contract.importItems, async ({ params, body }, ctx) => ({
    status: 201,
    body: await service.importItems(ctx, params.bankId, body),
  }));
}

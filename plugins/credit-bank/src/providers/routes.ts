import type { CreditBankRegistrar } from '../config.js';
import * as contract from './contract.js';
import { accredit, updateAccreditation } from './service.js';
import { findProvider, listProviders, providerView } from './store.js';

/** Declares the accredited providers registry: who may award or verify which credits, and when. */
export function registerProviders(p: CreditBankRegistrar): void {
  p.route(contract.accreditProvider, async ({ body }, ctx) => ({ status: 201, body: await accredit(ctx, body) }));

  p.route(contract.listProviders, async ({ query }, ctx) => ({
    status: 200,
    body: await listProviders(ctx.db, { institutionId: query.institutionId }, query.limit ?? 50, query.cursor),
  }));

  p.route(contract.getProvider, async ({ params }, ctx) => ({
    status: 200,
    body: providerView(await findProvider(ctx.db, params.providerId)),
  }));

  p.route(contract.updateProvider, async ({ params, body }, ctx) => ({
    status: 200,
    body: await updateAccreditation(ctx, params.providerId, body),
  }));
}

import type { CreditBankRegistrar } from '../config.js';
import * as contract from './contract.js';
import { accredit, accreditationOf, accreditationsOfRegion, updateAccreditation } from './service.js';

/** Declares the accredited providers registry: who may award or verify which credits, and when. */
export function registerProviders(p: CreditBankRegistrar): void {
  p.route(contract.accreditProvider, async ({ body }, ctx) => ({ status: 201, body: await accredit(ctx, body) }));

  p.route(contract.listProviders, async ({ query }, ctx) => ({
    status: 200,
    body: await accreditationsOfRegion(ctx, query),
  }));

  p.route(contract.getProvider, async ({ params }, ctx) => ({
    status: 200,
    body: await accreditationOf(ctx, params.providerId),
  }));

  p.route(contract.updateProvider, async ({ params, body }, ctx) => ({
    status: 200,
    body: await updateAccreditation(ctx, params.providerId, body),
  }));
}

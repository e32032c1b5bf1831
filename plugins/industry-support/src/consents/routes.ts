import type { IndustrySupportRegistrar } from '../config.js';
import * as contract from './contract.js';
import * as service from './service.js';

/** Serves consent-gated contact: opt-in and withdrawal, the company's candidates, cohort aggregates. */
export function registerConsents(p: IndustrySupportRegistrar): void {
  p.route(contract.giveConsent, async ({ params }, ctx) => ({
    status: 201,
    body: await service.giveConsent(ctx, params.needId),
  }));
  p.route(contract.withdrawConsent, async ({ params }, ctx) => {
    await service.withdrawConsent(ctx, params.needId);
    return { status: 204, body: undefined };
  });
  p.route(contract.listCandidates, async ({ params, query }, ctx) => ({
    status: 200,
    body: await service.listCandidates(ctx, params.needId, query),
  }));
  p.route(contract.getCohort, async ({ params }, ctx) => ({
    status: 200,
    body: await service.getCohort(ctx, params.needId),
  }));
}

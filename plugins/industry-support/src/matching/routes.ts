import type { IndustrySupportRegistrar } from '../config.js';
import * as contract from './contract.js';
import * as service from './service.js';

/** Serves the learner's explained match and gap plan. */
export function registerMatching(p: IndustrySupportRegistrar): void {
  p.route(contract.getMatch, async ({ params }, ctx) => ({
    status: 200,
    body: await service.getMatch(ctx, params.needId),
  }));
  p.route(contract.getGapPlan, async ({ params }, ctx) => ({
    status: 200,
    body: await service.getGapPlan(ctx, params.needId),
  }));
}

import type { EvaluationRegistrar } from '../config.js';
import * as contract from './contract.js';
import * as service from './service.js';

/** Serves the expert registry, recommendations, assignments and ratings. */
export function registerExperts(p: EvaluationRegistrar): void {
  p.route(contract.registerExpert, async ({ body }, ctx) => ({
    status: 201,
    body: await service.registerExpert(ctx, body),
  }));
  p.route(contract.listExperts, async ({ query }, ctx) => ({
    status: 200,
    body: await service.listExperts(ctx, query),
  }));
  p.route(contract.recommendExperts, async ({ params, query }, ctx) => ({
    status: 200,
    body: await service.recommend(ctx, params.engagementId, query),
  }));
  p.route(contract.assignExpert, async ({ params, body }, ctx) => ({
    status: 201,
    body: await service.assign(ctx, params.engagementId, body.expertId),
  }));
  p.route(contract.rateExpert, async ({ params, body }, ctx) => ({
    status: 201,
    body: await service.rate(ctx, params.engagementId, params.expertId, body.score),
  }));
}

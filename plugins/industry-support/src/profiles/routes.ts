import type { IndustrySupportRegistrar } from '../config.js';
import * as contract from './contract.js';
import * as service from './service.js';

/** Serves skill profiles: evidence-based levels with reasons, self-declared skills, evidence rules. */
export function registerProfiles(p: IndustrySupportRegistrar): void {
  p.route(contract.getProfile, async (_input, ctx) => ({ status: 200, body: await service.getProfile(ctx) }));
  p.route(contract.declareSkill, async ({ params, body }, ctx) => ({
    status: 200,
    body: await service.declareSkill(ctx, params.skillId, body.level),
  }));
  p.route(contract.withdrawSkill, async ({ params }, ctx) => {
    await service.withdrawSkill(ctx, params.skillId);
    return { status: 204, body: undefined };
  });
  p.route(contract.addEvidenceRule, async ({ body }, ctx) => ({
    status: 201,
    body: await service.addEvidenceRule(ctx, body),
  }));
}

import type { CommunityRegistrar } from '../config.js';
import * as contract from './contract.js';
import * as service from './service.js';

/** Serves people's standing: trust levels and moderators. */
export function registerMembers(p: CommunityRegistrar): void {
  p.route(contract.getStanding, async (_input, ctx) => ({ status: 200, body: await service.getStanding(ctx) }));
  p.route(contract.setTrustLevel, async ({ params, body }, ctx) => ({
    status: 200,
    body: await service.setTrustLevel(ctx, params.personId, body),
  }));
  p.route(contract.setModerator, async ({ params, body }, ctx) => ({
    status: 200,
    body: await service.setModerator(ctx, params.personId, body),
  }));
}

import type { CommunityRegistrar } from '../config.js';
import * as contract from './contract.js';
import * as service from './service.js';

/** Serves appeals: opening one, its dialogue, and its decision. */
export function registerAppeals(p: CommunityRegistrar): void {
  p.route(contract.createAppeal, async ({ params, body }, ctx) => ({
    status: 201,
    body: await service.createAppeal(ctx, params.postId, body.message),
  }));
  p.route(contract.getAppeal, async ({ params }, ctx) => ({
    status: 200,
    body: await service.getAppeal(ctx, params.appealId),
  }));
  p.route(contract.addMessage, async ({ params, body }, ctx) => ({
    status: 201,
    body: await service.addMessage(ctx, params.appealId, body.body),
  }));
  p.route(contract.decideAppeal, async ({ params, body }, ctx) => ({
    status: 200,
    body: await service.decide(ctx, params.appealId, body),
  }));
}

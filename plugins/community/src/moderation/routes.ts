import type { CommunityRegistrar } from '../config.js';
import * as contract from './contract.js';
import * as service from './service.js';

/** Serves moderation: flags, the review queue, decisions, warnings, suspensions and the log. */
export function registerModeration(p: CommunityRegistrar): void {
  p.route(contract.flagPost, async ({ params, body }, ctx) => ({
    status: 201,
    body: await service.flagPost(ctx, params.postId, body),
  }));
  p.route(contract.reviewQueue, async ({ query }, ctx) => ({
    status: 200,
    body: await service.reviewQueue(ctx, query),
  }));
  p.route(contract.decide, async ({ params, body }, ctx) => ({
    status: 200,
    body: await service.decide(ctx, params.postId, body),
  }));
  p.route(contract.warn, async ({ params, body }, ctx) => ({
    status: 201,
    body: await service.warn(ctx, params.personId, body.reason),
  }));
  p.route(contract.proposeSuspension, async ({ params, body }, ctx) => ({
    status: 201,
    body: await service.proposeSuspension(ctx, params.personId, body),
  }));
  p.route(contract.confirmSuspension, async ({ params }, ctx) => ({
    status: 200,
    body: await service.confirm(ctx, params.suspensionId),
  }));
  p.route(contract.actionLog, async ({ query }, ctx) => ({ status: 200, body: await service.actionLog(ctx, query) }));
}

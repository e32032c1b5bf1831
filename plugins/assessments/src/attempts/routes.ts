import type { AssessmentsRegistrar } from '../config.js';
import * as contract from './contract.js';
import * as service from './service.js';

/** Serves attempts: started, answered and submitted by their taker; results for authors and readers. */
export function registerAttempts(p: AssessmentsRegistrar): void {
  p.route(contract.startAttempt, async ({ params }, ctx) => ({
    status: 201,
    body: await service.startAttempt(ctx, params.formId),
  }));
  p.route(contract.listMyAttempts, async ({ query }, ctx) => ({
    status: 200,
    body: await service.listMyAttempts(ctx, query),
  }));
  p.route(contract.getAttempt, async ({ params }, ctx) => ({
    status: 200,
    body: await service.getAttempt(ctx, params.attemptId),
  }));
  p.route(contract.saveResponse, async ({ params, body }, ctx) => ({
    status: 200,
    body: await service.saveResponse(ctx, params.attemptId, params.position, body),
  }));
  p.route(contract.submitAttempt, async ({ params }, ctx) => ({
    status: 200,
    body: await service.submitAttempt(ctx, params.attemptId),
  }));
  p.route(contract.listFormAttempts, async ({ params, query }, ctx) => ({
    status: 200,
    body: await service.listFormAttempts(ctx, params.formId, query),
  }));

  // Attempts left to run out are scored on what was saved in time, so results and events never wait
  // for the learner to come back.
  p.every('score-overdue-attempts', { intervalMs: 60_000 }, async (ctx) => {
    const scored = await service.scoreOverdue(ctx);
    if (scored > 0) ctx.logger.info({ scored }, 'scored overdue attempts');
  });
}

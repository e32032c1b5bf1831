import type { EvaluationRegistrar } from '../config.js';
import * as contract from './contract.js';
import { sendReminders } from './reminders.js';
import * as service from './service.js';

/** Serves engagements: opening, stages and milestones, the team, suspension and complaints. */
export function registerEngagements(p: EvaluationRegistrar): void {
  p.route(contract.createEngagement, async ({ body }, ctx) => ({
    status: 201,
    body: await service.createEngagement(ctx, body),
  }));
  p.route(contract.listEngagements, async ({ query }, ctx) => ({
    status: 200,
    body: await service.listEngagements(ctx, query),
  }));
  p.route(contract.getEngagement, async ({ params }, ctx) => ({
    status: 200,
    body: await service.getEngagement(ctx, params.engagementId),
  }));
  p.route(contract.advanceEngagement, async ({ params }, ctx) => ({
    status: 200,
    body: await service.advance(ctx, params.engagementId),
  }));
  p.route(contract.recordMilestone, async ({ params }, ctx) => ({
    status: 200,
    body: await service.recordMilestone(ctx, params.engagementId, params.milestoneKey),
  }));
  p.route(contract.addMember, async ({ params, body }, ctx) => ({
    status: 201,
    body: await service.addMember(ctx, params.engagementId, body),
  }));
  p.route(contract.listMembers, async ({ params }, ctx) => ({
    status: 200,
    body: await service.listMembers(ctx, params.engagementId),
  }));
  p.route(contract.suspendEngagement, async ({ params, body }, ctx) => ({
    status: 200,
    body: await service.suspend(ctx, params.engagementId, body.reason),
  }));
  p.route(contract.resumeEngagement, async ({ params }, ctx) => ({
    status: 200,
    body: await service.resume(ctx, params.engagementId),
  }));
  p.route(contract.raiseComplaint, async ({ params, body }, ctx) => ({
    status: 201,
    body: await service.raiseComplaint(ctx, params.engagementId, body.text),
  }));
  p.route(contract.listComplaints, async ({ params }, ctx) => ({
    status: 200,
    body: await service.listComplaints(ctx, params.engagementId),
  }));
  p.route(contract.resolveComplaint, async ({ params, body }, ctx) => ({
    status: 200,
    body: await service.resolveComplaint(ctx, params.engagementId, params.complaintId, body.resolution),
  }));
  p.route(contract.engagementHistory, async ({ params, query }, ctx) => ({
    status: 200,
    body: await service.engagementHistory(ctx, params.engagementId, query),
  }));
  p.every('reminders', { intervalMs: 60 * 60 * 1000 }, async (ctx) => {
    const sent = await sendReminders(ctx);
    if (sent.reminded + sent.overdue + sent.failed > 0) ctx.logger.info(sent, 'stage reminders');
  });
  p.route(contract.overdue, async ({ query }, ctx) => ({ status: 200, body: await service.overdue(ctx, query) }));
}

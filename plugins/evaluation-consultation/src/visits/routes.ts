import type { EvaluationRegistrar } from '../config.js';
import * as contract from './contract.js';
import * as service from './service.js';

/** Serves the action plan, return visits and the measured effect. */
export function registerVisits(p: EvaluationRegistrar): void {
  p.route(contract.agreeActionPlan, async ({ params, body }, ctx) => ({
    status: 201,
    body: await service.agreeActionPlan(ctx, params.engagementId, body),
  }));
  p.route(contract.getActionPlan, async ({ params }, ctx) => ({
    status: 200,
    body: await service.getActionPlan(ctx, params.engagementId),
  }));
  p.route(contract.recordMeasurements, async ({ params, body }, ctx) => ({
    status: 201,
    body: await service.recordMeasurements(ctx, params.engagementId, params.visitId, body.grades),
  }));
  p.route(contract.completeVisit, async ({ params, body }, ctx) => ({
    status: 200,
    body: await service.completeVisit(ctx, params.engagementId, params.visitId, body.notes),
  }));
  p.route(contract.getEffect, async ({ params }, ctx) => ({
    status: 200,
    body: await service.effect(ctx, params.engagementId),
  }));
}

import type { QualityControlRegistrar } from '../config.js';
import * as contract from './contract.js';
import * as service from './service.js';

/** Serves the improvement spiral: alerts raised by the job, acknowledged; actions planned, judged from data. */
export function registerAlerts(p: QualityControlRegistrar): void {
  p.every('raise-alerts', { intervalMs: 3_600_000 }, service.raiseAlerts);
  p.route(contract.listAlerts, async ({ query }, ctx) => ({ status: 200, body: await service.listAlerts(ctx, query) }));
  p.route(contract.acknowledgeAlert, async ({ params }, ctx) => ({
    status: 200,
    body: await service.acknowledgeAlert(ctx, params.alertId),
  }));
  p.route(contract.createAction, async ({ body }, ctx) => ({
    status: 201,
    body: await service.createAction(ctx, body),
  }));
  p.route(contract.getAction, async ({ params }, ctx) => ({
    status: 200,
    body: await service.getAction(ctx, params.actionId),
  }));
  p.route(contract.setActionStatus, async ({ params, body }, ctx) => ({
    status: 200,
    body: await service.setActionStatus(ctx, params.actionId, body.status),
  }));
  p.route(contract.verifyAction, async ({ params }, ctx) => ({
    status: 200,
    body: await service.verifyAction(ctx, params.actionId),
  }));
}

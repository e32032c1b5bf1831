import type { EvaluationRegistrar } from '../config.js';
import * as contract from './contract.js';
import * as service from './service.js';

/** Serves engagement templates: the built-in default and each region's own versions. */
export function registerTemplates(p: EvaluationRegistrar): void {
  p.route(contract.createTemplate, async ({ body }, ctx) => ({
    status: 201,
    body: await service.createTemplate(ctx, body),
  }));
  p.route(contract.listTemplates, async ({ query }, ctx) => ({
    status: 200,
    body: await service.listTemplates(ctx, query),
  }));
  p.route(contract.getTemplate, async ({ params }, ctx) => ({
    status: 200,
    body: await service.getTemplate(ctx, params.templateId),
  }));
}

import type { TeacherDevelopmentRegistrar } from '../config.js';
import * as contract from './contract.js';
import * as service from './service.js';

/** Serves textbooks: proposals by quality teachers, review and publication, sales settlement, signings. */
export function registerTextbooks(p: TeacherDevelopmentRegistrar): void {
  p.route(contract.proposeTextbook, async ({ body }, ctx) => ({ status: 201, body: await service.propose(ctx, body) }));

  p.route(contract.listTextbooks, async ({ query }, ctx) => ({ status: 200, body: await service.list(ctx, query) }));

  p.route(contract.getTextbook, async ({ params }, ctx) => ({
    status: 200,
    body: await service.get(ctx, params.textbookId),
  }));

  p.route(contract.reviewTextbook, async ({ params, body }, ctx) => ({
    status: 200,
    body: await service.review(ctx, params.textbookId, body),
  }));

  p.route(contract.publishTextbook, async ({ params, body }, ctx) => ({
    status: 200,
    body: await service.publish(ctx, params.textbookId, body),
  }));

  p.route(contract.reportSale, async ({ params, body }, ctx) => {
    const { created, sale } = await service.reportSale(ctx, params.textbookId, body);
    return created ? { status: 201, body: sale } : { status: 200, body: sale };
  });

  p.route(contract.getBooksellerAccount, async ({ params }, ctx) => ({
    status: 200,
    body: await service.booksellerAccount(ctx, params.institutionId),
  }));

  p.route(contract.scheduleSigning, async ({ params, body }, ctx) => ({
    status: 201,
    body: await service.scheduleSigning(ctx, params.textbookId, body),
  }));

  p.route(contract.listSignings, async ({ query }, ctx) => ({ status: 200, body: await service.signings(ctx, query) }));
}

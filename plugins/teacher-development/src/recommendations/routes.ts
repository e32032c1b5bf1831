import type { TeacherDevelopmentRegistrar } from '../config.js';
import * as contract from './contract.js';
import * as service from './service.js';

/** Serves recommendations: the top of the quality database proposed for events, confirmed, exported. */
export function registerRecommendations(p: TeacherDevelopmentRegistrar): void {
  p.route(contract.proposeRecommendations, async ({ body }, ctx) => ({
    status: 201,
    body: await service.propose(ctx, body.event),
  }));

  p.route(contract.getRecommendations, async ({ params }, ctx) => ({
    status: 200,
    body: await service.get(ctx, params.listId),
  }));

  p.route(contract.confirmRecommendations, async ({ params, body }, ctx) => ({
    status: 200,
    body: await service.confirm(ctx, params.listId, body.teacherIds),
  }));

  p.route(contract.exportRecommendations, async ({ params, query }, ctx) => {
    const exported = await service.exportList(ctx, params.listId);
    if (query.format !== 'csv') return { status: 200, body: exported.list };
    return {
      response: new Response(exported.csv, {
        status: 200,
        headers: {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="recommendations-${params.listId}.csv"`,
        },
      }),
    };
  });
}

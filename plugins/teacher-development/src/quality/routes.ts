import type { TeacherDevelopmentRegistrar } from '../config.js';
import { PeopleOnly } from '../errors.js';
import * as contract from './contract.js';
import * as service from './service.js';
import { recomputeQuality } from './store.js';

/** Serves the quality teacher database: scores, the daily recomputation, the database itself. */
export function registerQuality(p: TeacherDevelopmentRegistrar): void {
  p.every('recompute-quality', { intervalMs: 24 * 60 * 60 * 1000 }, async (ctx) => {
    for (const regionId of await ctx.enabledRegions()) await recomputeQuality(ctx, regionId);
  });

  p.route(contract.recomputeQuality, async (_input, ctx) => ({ status: 200, body: await service.recompute(ctx) }));

  p.route(contract.getQualityDatabase, async ({ query }, ctx) => ({
    status: 200,
    body: await service.database(ctx, query),
  }));

  p.route(contract.getMyQuality, async (_input, ctx) => ({
    status: 200,
    body: await service.scoreOf(ctx, ctx.requirePerson(PeopleOnly)),
  }));
}

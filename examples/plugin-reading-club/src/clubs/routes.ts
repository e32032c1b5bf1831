import type { ReadingClubRegistrar } from '../config.js';
import { personOf } from '../shared/people.js';
import * as contract from './contract.js';
import * as service from './service.js';
import { listClubs } from './store.js';

/** Serves the clubs feature's contracts: each handler names the caller and calls the service. */
export function registerClubs(p: ReadingClubRegistrar): void {
  p.route(contract.createClub, async ({ body }, ctx) => ({
    status: 201,
    body: await service.createClub(ctx, personOf(ctx), body),
  }));

  p.route(contract.listClubs, async ({ query }, ctx) => ({
    status: 200,
    body: await listClubs(ctx.db, ctx.regionId, query.limit ?? 50, query.cursor),
  }));

  p.route(contract.joinClub, async ({ params }, ctx) => {
    const { joined, membership } = await service.joinClub(ctx, params.clubId, personOf(ctx));
    return joined ? { status: 201, body: membership } : { status: 200, body: membership };
  });

  p.route(contract.scheduleMeeting, async ({ params, body }, ctx) => ({
    status: 201,
    body: await service.scheduleMeeting(ctx, params.clubId, personOf(ctx), body),
  }));

  p.route(contract.logReading, async ({ params, body }, ctx) => ({
    status: 201,
    body: await service.logReading(ctx, params.clubId, personOf(ctx), body),
  }));

  p.route(contract.listReadingLogs, async ({ params, query }, ctx) => ({
    status: 200,
    body: await service.readingLogsOf(ctx, params.clubId, query),
  }));

  p.route(contract.removeClub, async ({ params }, ctx) => {
    await service.removeClub(ctx, params.clubId);
    return { status: 204, body: undefined };
  });
}

import type { TeacherDevelopmentRegistrar } from '../config.js';
import * as contract from './contract.js';
import * as service from './service.js';

/** Serves the studios feature: studios and their slots, bookings, and guidance requests. */
export function registerStudios(p: TeacherDevelopmentRegistrar): void {
  p.route(contract.createStudio, async ({ body }, ctx) => ({
    status: 201,
    body: await service.createStudio(ctx, body),
  }));

  p.route(contract.listStudios, async ({ query }, ctx) => ({
    status: 200,
    body: await service.listStudios(ctx, query),
  }));

  p.route(contract.getStudio, async ({ params }, ctx) => ({
    status: 200,
    body: await service.getStudio(ctx, params.studioId),
  }));

  p.route(contract.addSlots, async ({ params, body }, ctx) => ({
    status: 201,
    body: { items: await service.addSlots(ctx, params.studioId, body) },
  }));

  p.route(contract.bookSlot, async ({ params }, ctx) => ({
    status: 201,
    body: await service.bookSlot(ctx, params.slotId),
  }));

  p.route(contract.listBookings, async ({ query }, ctx) => ({
    status: 200,
    body: await service.listBookings(ctx, query),
  }));

  p.route(contract.cancelBooking, async ({ params }, ctx) => ({
    status: 200,
    body: await service.cancelBooking(ctx, params.bookingId),
  }));

  p.route(contract.recordNoShow, async ({ params }, ctx) => ({
    status: 200,
    body: await service.recordNoShow(ctx, params.bookingId),
  }));

  p.route(contract.requestGuidance, async ({ body }, ctx) => ({
    status: 201,
    body: await service.requestGuidance(ctx, body),
  }));

  p.route(contract.listGuidanceRequests, async ({ query }, ctx) => ({
    status: 200,
    body: await service.listGuidanceRequests(ctx, query),
  }));

  p.route(contract.getGuidanceRequest, async ({ params }, ctx) => ({
    status: 200,
    body: await service.getGuidanceRequest(ctx, params.requestId),
  }));

  p.route(contract.moveGuidanceRequest, async ({ params, body }, ctx) => ({
    status: 200,
    body: await service.moveGuidanceRequest(ctx, params.requestId, body),
  }));
}

import { afterIdCursor, toPage, uuidv7 } from '@lifelong/core';
import { Type } from '@sinclair/typebox';
import { and, count, eq, gt } from 'drizzle-orm';
import type { TeacherDevelopmentRegistrar } from '../config.js';
import { type Ctx, personOf } from '../context.js';
import {
  BookingNotFound,
  GuidanceNotFound,
  invalidField,
  SlotOverlaps,
  SlotTaken,
  WrongBookingState,
  WrongGuidanceState,
} from '../errors.js';
import { idKey } from '../pages.js';
import { approvedTeacher, teacherOfPerson } from '../teachers/store.js';
import { bookings, guidanceRequests, guidanceSteps, studioSlots, studios } from './schema.js';
import {
  AddSlotsBody,
  Booking,
  BookingListQuery,
  BookingPage,
  BookingParams,
  CreateGuidanceBody,
  CreateStudioBody,
  GuidanceListQuery,
  GuidancePage,
  GuidanceParams,
  GuidanceRequest,
  GuidanceStatusBody,
  Slot,
  SlotParams,
  Studio,
  StudioListQuery,
  StudioPage,
  StudioParams,
  StudioWithSlots,
} from './schemas.js';
import {
  activeBooking,
  bookingView,
  findBooking,
  findGuidance,
  findSlot,
  findStudio,
  GUIDANCE_NEXT,
  guidanceSummary,
  guidanceView,
  managesStudio,
  slotsOf,
  studioView,
} from './store.js';

const MINUTE_MS = 60_000;
const SlotList = Type.Array(Slot);

async function institutionInRegion(ctx: Ctx, institutionId: string, path: string) {
  const institution = await ctx.identity.institution(institutionId);
  if (institution?.regionId !== ctx.regionId) {
    throw invalidField(path, 'institutionInRegion', `Institution ${institutionId} is not in region "${ctx.regionId}".`);
  }
}

/** Declares the studios feature: studios and their slots, bookings, and guidance requests. */
export function registerStudios(p: TeacherDevelopmentRegistrar): void {
  p.route({
    method: 'post',
    path: '/studios',
    summary: 'Register a micro-class studio of an institution',
    access: { permission: 'studios.manage' },
    request: { body: CreateStudioBody },
    responses: { 201: { description: 'The studio', schema: Studio } },
    handler: async ({ body }, ctx) => {
      await institutionInRegion(ctx, body.institutionId, '/body/institutionId');
      if (!ctx.can('studios.manage', { regionId: ctx.regionId })) {
        ctx.require('studios.manage', { institutionId: body.institutionId });
      }
      const [row] = await ctx.db
        .insert(studios)
        .values({
          id: uuidv7(),
          regionId: ctx.regionId,
          institutionId: body.institutionId,
          name: body.name,
          location: body.location,
          equipment: body.equipment ?? [],
          createdAt: ctx.now(),
        })
        .returning();
      if (!row) throw new Error('insert returned no row');
      return { status: 201, body: studioView(row) };
    },
  });

  p.route({
    method: 'get',
    path: '/studios',
    summary: "The region's studios, oldest first",
    access: { authenticated: 'any signed-in principal' },
    request: { query: StudioListQuery },
    responses: { 200: { description: 'A page of studios', schema: StudioPage } },
    handler: async ({ query }, ctx) => {
      const limit = query.limit ?? 50;
      const rows = await ctx.db
        .select()
        .from(studios)
        .where(and(eq(studios.regionId, ctx.regionId), afterIdCursor(studios.id, query.cursor)))
        .orderBy(studios.id)
        .limit(limit + 1);
      return { status: 200, body: toPage(rows, limit, idKey, studioView) };
    },
  });

  p.route({
    method: 'get',
    path: '/studios/{studioId}',
    summary: 'A studio with its slots (free or not)',
    access: { authenticated: 'any signed-in principal' },
    request: { params: StudioParams },
    responses: { 200: { description: 'The studio', schema: StudioWithSlots } },
    handler: async ({ params }, ctx) => {
      const studio = await findStudio(ctx.db, params.studioId, ctx.regionId);
      return { status: 200, body: { ...studioView(studio), slots: await slotsOf(ctx.db, studio.id) } };
    },
  });

  p.route({
    method: 'post',
    path: '/studios/{studioId}/slots',
    summary: 'Offer free time slots of a studio (future, not overlapping each other or existing slots)',
    access: { permission: 'studios.manage' },
    request: { params: StudioParams, body: AddSlotsBody },
    responses: { 201: { description: 'The new slots', schema: SlotList } },
    handler: async ({ params, body }, ctx) => {
      // The studio row lock makes concurrent slot offers check overlaps one after another.
      const studio = await findStudio(ctx.db, params.studioId, ctx.regionId, true);
      if (!managesStudio(ctx, studio)) ctx.require('studios.manage', { institutionId: studio.institutionId });
      const now = ctx.now();
      const wanted = body.slots.map((slot, i) => {
        const startsAt = new Date(slot.startsAt);
        const endsAt = new Date(slot.endsAt);
        if (endsAt <= startsAt)
          throw invalidField(`/body/slots/${i}/endsAt`, 'afterStart', 'A slot ends after it starts.');
        if (startsAt <= now) throw invalidField(`/body/slots/${i}/startsAt`, 'future', 'A slot starts in the future.');
        if (endsAt.getTime() - startsAt.getTime() > ctx.config.studios.maxSlotMinutes * MINUTE_MS) {
          throw invalidField(
            `/body/slots/${i}/endsAt`,
            'maxSlotMinutes',
            `A slot lasts at most ${ctx.config.studios.maxSlotMinutes} minutes in this region.`,
          );
        }
        return { id: uuidv7(), studioId: studio.id, startsAt, endsAt };
      });
      const existing = await ctx.db.select().from(studioSlots).where(eq(studioSlots.studioId, studio.id));
      const all = [...existing, ...wanted];
      for (const slot of wanted) {
        const clash = all.find((o) => o.id !== slot.id && o.startsAt < slot.endsAt && slot.startsAt < o.endsAt);
        if (clash) {
          throw SlotOverlaps({
            detail: `${slot.startsAt.toISOString()}–${slot.endsAt.toISOString()} overlaps ${clash.startsAt.toISOString()}–${clash.endsAt.toISOString()}.`,
          });
        }
      }
      await ctx.db.insert(studioSlots).values(wanted);
      return {
        status: 201,
        body: wanted.map((s) => ({
          id: s.id,
          studioId: s.studioId,
          startsAt: s.startsAt.toISOString(),
          endsAt: s.endsAt.toISOString(),
          free: true,
        })),
      };
    },
  });

  p.route({
    method: 'post',
    path: '/slots/{slotId}/bookings',
    summary: 'Book a free future slot (approved teachers); of concurrent bookings of one slot exactly one succeeds',
    access: { authenticated: 'approved teachers of the region' },
    request: { params: SlotParams },
    responses: { 201: { description: 'The booking', schema: Booking } },
    handler: async ({ params }, ctx) => {
      const teacher = await approvedTeacher(ctx);
      // Locking the slot row queues concurrent bookers; each then sees whether the slot is still free.
      const { slot } = await findSlot(ctx.db, params.slotId, ctx.regionId, true);
      const now = ctx.now();
      if (slot.startsAt <= now) throw WrongBookingState({ detail: 'The slot has already started.' });
      if (await activeBooking(ctx.db, slot.id)) throw SlotTaken({ detail: `Slot ${slot.id} is already booked.` });
      const [held] = await ctx.db
        .select({ n: count() })
        .from(bookings)
        .innerJoin(studioSlots, eq(studioSlots.id, bookings.slotId))
        .where(and(eq(bookings.teacherId, teacher.id), eq(bookings.state, 'booked'), gt(studioSlots.startsAt, now)));
      if ((held?.n ?? 0) >= ctx.config.studios.maxActiveBookingsPerTeacher) {
        throw WrongBookingState({
          detail: `You already hold ${held?.n} future bookings, the most this region allows.`,
        });
      }
      const [row] = await ctx.db
        .insert(bookings)
        .values({
          id: uuidv7(),
          slotId: slot.id,
          studioId: slot.studioId,
          teacherId: teacher.id,
          state: 'booked',
          bookedAt: now,
        })
        .returning();
      if (!row) throw new Error('insert returned no row');
      return { status: 201, body: bookingView(row, slot) };
    },
  });

  p.route({
    method: 'get',
    path: '/bookings',
    summary: "The calling teacher's bookings, oldest first",
    access: { authenticated: 'teachers of the region' },
    request: { query: BookingListQuery },
    responses: { 200: { description: 'A page of bookings', schema: BookingPage } },
    handler: async ({ query }, ctx) => {
      const teacher = await teacherOfPerson(ctx.db, personOf(ctx), ctx.regionId);
      const limit = query.limit ?? 50;
      const rows = teacher
        ? await ctx.db
            .select({ booking: bookings, slot: studioSlots })
            .from(bookings)
            .innerJoin(studioSlots, eq(studioSlots.id, bookings.slotId))
            .where(and(eq(bookings.teacherId, teacher.id), afterIdCursor(bookings.id, query.cursor)))
            .orderBy(bookings.id)
            .limit(limit + 1)
        : [];
      return {
        status: 200,
        body: toPage(
          rows,
          limit,
          (r) => ({ id: r.booking.id }),
          (r) => bookingView(r.booking, r.slot),
        ),
      };
    },
  });

  p.route({
    method: 'post',
    path: '/bookings/{bookingId}/cancel',
    summary:
      'Cancel a booking before its slot starts (the teacher, or a manager of the studio); the slot is free again',
    access: { authenticated: 'the booking teacher and the studio’s managers' },
    request: { params: BookingParams },
    responses: { 200: { description: 'The cancelled booking', schema: Booking } },
    handler: async ({ params }, ctx) => {
      const { booking, slot, studio } = await findBooking(ctx.db, params.bookingId, ctx.regionId, true);
      const teacher =
        ctx.principal.kind === 'person' ? await teacherOfPerson(ctx.db, ctx.principal.id, ctx.regionId) : null;
      if (teacher?.id !== booking.teacherId && !managesStudio(ctx, studio)) {
        throw BookingNotFound({ detail: `Booking ${booking.id} does not exist.` });
      }
      if (booking.state !== 'booked' || slot.startsAt <= ctx.now()) {
        throw WrongBookingState({
          detail: `Only a booking whose slot has not started can be cancelled (it is ${booking.state}).`,
        });
      }
      const [row] = await ctx.db
        .update(bookings)
        .set({ state: 'cancelled', cancelledAt: ctx.now() })
        .where(eq(bookings.id, booking.id))
        .returning();
      if (!row) throw new Error('update returned no row');
      return { status: 200, body: bookingView(row, slot) };
    },
  });

  p.route({
    method: 'post',
    path: '/bookings/{bookingId}/no-show',
    summary: 'Record that the teacher did not come (a manager of the studio, once the slot has started)',
    access: { permission: 'studios.manage' },
    request: { params: BookingParams },
    responses: { 200: { description: 'The booking', schema: Booking } },
    handler: async ({ params }, ctx) => {
      const { booking, slot, studio } = await findBooking(ctx.db, params.bookingId, ctx.regionId, true);
      if (!managesStudio(ctx, studio)) ctx.require('studios.manage', { institutionId: studio.institutionId });
      if (booking.state !== 'booked' || slot.startsAt > ctx.now()) {
        throw WrongBookingState({ detail: 'A no-show is recorded for a booked slot that has started.' });
      }
      const [row] = await ctx.db
        .update(bookings)
        .set({ state: 'no-show', noShowAt: ctx.now() })
        .where(eq(bookings.id, booking.id))
        .returning();
      if (!row) throw new Error('update returned no row');
      return { status: 200, body: bookingView(row, slot) };
    },
  });

  p.route({
    method: 'post',
    path: '/guidance-requests',
    summary: 'Ask for guidance in setting up a teacher development center',
    access: { authenticated: 'any signed-in person' },
    request: { body: CreateGuidanceBody },
    responses: { 201: { description: 'The request', schema: GuidanceRequest } },
    handler: async ({ body }, ctx) => {
      const personId = personOf(ctx);
      if (body.institutionId) await institutionInRegion(ctx, body.institutionId, '/body/institutionId');
      const now = ctx.now();
      const [row] = await ctx.db
        .insert(guidanceRequests)
        .values({
          id: uuidv7(),
          regionId: ctx.regionId,
          requestedBy: personId,
          institutionId: body.institutionId ?? null,
          description: body.description,
          state: 'submitted',
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (!row) throw new Error('insert returned no row');
      await ctx.db
        .insert(guidanceSteps)
        .values({ id: uuidv7(), requestId: row.id, state: 'submitted', note: null, actorId: personId, at: now });
      return { status: 201, body: await guidanceView(ctx.db, row) };
    },
  });

  p.route({
    method: 'get',
    path: '/guidance-requests',
    summary: "The region's guidance requests by state, oldest first (region studio managers)",
    access: { permission: 'studios.manage' },
    request: { query: GuidanceListQuery },
    responses: { 200: { description: 'A page of requests', schema: GuidancePage } },
    handler: async ({ query }, ctx) => {
      ctx.require('studios.manage', { regionId: ctx.regionId });
      const limit = query.limit ?? 50;
      const rows = await ctx.db
        .select()
        .from(guidanceRequests)
        .where(
          and(
            eq(guidanceRequests.regionId, ctx.regionId),
            query.state ? eq(guidanceRequests.state, query.state) : undefined,
            afterIdCursor(guidanceRequests.id, query.cursor),
          ),
        )
        .orderBy(guidanceRequests.id)
        .limit(limit + 1);
      return { status: 200, body: toPage(rows, limit, idKey, guidanceSummary) };
    },
  });

  p.route({
    method: 'get',
    path: '/guidance-requests/{requestId}',
    summary: 'A guidance request with its history (the requester and region studio managers)',
    access: { authenticated: 'the requester and region studio managers' },
    request: { params: GuidanceParams },
    responses: { 200: { description: 'The request', schema: GuidanceRequest } },
    handler: async ({ params }, ctx) => {
      const row = await findGuidance(ctx.db, params.requestId, ctx.regionId);
      const own = ctx.principal.kind === 'person' && ctx.principal.id === row.requestedBy;
      if (!own && !ctx.can('studios.manage', { regionId: row.regionId })) {
        throw GuidanceNotFound({ detail: `Guidance request ${row.id} does not exist.` });
      }
      return { status: 200, body: await guidanceView(ctx.db, row) };
    },
  });

  p.route({
    method: 'post',
    path: '/guidance-requests/{requestId}/status',
    summary: 'Move a guidance request on: submitted → accepted → in-progress → completed (or declined)',
    access: { permission: 'studios.manage' },
    request: { params: GuidanceParams, body: GuidanceStatusBody },
    responses: { 200: { description: 'The request', schema: GuidanceRequest } },
    handler: async ({ params, body }, ctx) => {
      const row = await findGuidance(ctx.db, params.requestId, ctx.regionId, true);
      ctx.require('studios.manage', { regionId: row.regionId });
      if (!GUIDANCE_NEXT[row.state].includes(body.state)) {
        throw WrongGuidanceState({
          detail: `A ${row.state} request cannot become ${body.state}.`,
          extensions: { allowed: GUIDANCE_NEXT[row.state] },
        });
      }
      const now = ctx.now();
      const [moved] = await ctx.db
        .update(guidanceRequests)
        .set({ state: body.state, updatedAt: now })
        .where(eq(guidanceRequests.id, row.id))
        .returning();
      if (!moved) throw new Error('update returned no row');
      await ctx.db.insert(guidanceSteps).values({
        id: uuidv7(),
        requestId: row.id,
        state: body.state,
        note: body.note ?? null,
        actorId: ctx.principal.kind === 'anonymous' ? null : ctx.principal.id,
        at: now,
      });
      return { status: 200, body: await guidanceView(ctx.db, moved) };
    },
  });
}

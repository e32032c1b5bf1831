import { afterIdCursor, toPage, uuidv7 } from '@lifelong/core';
import { and, count, eq, gt } from 'drizzle-orm';
import type { TeacherDevelopmentRegistrar } from '../config.js';
import { type Ctx, personOf } from '../context.js';
import {
  BookingNotFound,
  GuidanceNotFound,
  SlotOverlaps,
  SlotTaken,
  WrongBookingState,
  WrongGuidanceState,
} from '../errors.js';
import { invalidField } from '../field-error.js';
import { idKey } from '../pages.js';
import { approvedTeacher, teacherOfPerson } from '../shared/teachers.js';
import * as contract from './contract.js';
import { bookings, guidanceRequests, guidanceSteps, studioSlots, studios } from './schema.js';
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

async function institutionInRegion(ctx: Ctx, institutionId: string, path: string) {
  const institution = await ctx.identity.institution(institutionId);
  if (institution?.regionId !== ctx.regionId) {
    throw invalidField(path, 'institutionInRegion', `Institution ${institutionId} is not in region "${ctx.regionId}".`);
  }
}

/** Declares the studios feature: studios and their slots, bookings, and guidance requests. */
export function registerStudios(p: TeacherDevelopmentRegistrar): void {
  p.route(contract.createStudio, async ({ body }, ctx) => {
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
  });

  p.route(contract.listStudios, async ({ query }, ctx) => {
    const limit = query.limit ?? 50;
    const rows = await ctx.db
      .select()
      .from(studios)
      .where(and(eq(studios.regionId, ctx.regionId), afterIdCursor(studios.id, query.cursor)))
      .orderBy(studios.id)
      .limit(limit + 1);
    return { status: 200, body: toPage(rows, limit, idKey, studioView) };
  });

  p.route(contract.getStudio, async ({ params }, ctx) => {
    const studio = await findStudio(ctx.db, params.studioId, ctx.regionId);
    return { status: 200, body: { ...studioView(studio), slots: await slotsOf(ctx.db, studio.id) } };
  });

  p.route(contract.addSlots, async ({ params, body }, ctx) => {
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
  });

  p.route(contract.bookSlot, async ({ params }, ctx) => {
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
  });

  p.route(contract.listBookings, async ({ query }, ctx) => {
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
  });

  p.route(contract.cancelBooking, async ({ params }, ctx) => {
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
  });

  p.route(contract.recordNoShow, async ({ params }, ctx) => {
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
  });

  p.route(contract.requestGuidance, async ({ body }, ctx) => {
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
  });

  p.route(contract.listGuidanceRequests, async ({ query }, ctx) => {
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
  });

  p.route(contract.getGuidanceRequest, async ({ params }, ctx) => {
    const row = await findGuidance(ctx.db, params.requestId, ctx.regionId);
    const own = ctx.principal.kind === 'person' && ctx.principal.id === row.requestedBy;
    if (!own && !ctx.can('studios.manage', { regionId: row.regionId })) {
      throw GuidanceNotFound({ detail: `Guidance request ${row.id} does not exist.` });
    }
    return { status: 200, body: await guidanceView(ctx.db, row) };
  });

  p.route(contract.moveGuidanceRequest, async ({ params, body }, ctx) => {
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
  });
}

import { toPage, uuidv7 } from '@lifelong/core';
import type { Static } from '@sinclair/typebox';
import type { Ctx } from '../context.js';
import {
  BookingNotFound,
  GuidanceNotFound,
  PeopleOnly,
  SlotOverlaps,
  SlotTaken,
  WrongBookingState,
  WrongGuidanceState,
} from '../errors.js';
import { invalidField } from '../field-error.js';
import { idKey } from '../pages.js';
import { approvedTeacher, teacherOfPerson } from '../shared/teachers.js';
import type { StudioRow } from './schema.js';
import type {
  AddSlotsBody,
  CreateGuidanceBody,
  CreateStudioBody,
  GuidanceListQuery,
  GuidanceStatusBody,
} from './schemas.js';
import {
  activeBooking,
  bookingPage,
  bookingView,
  findBooking,
  findGuidance,
  findSlot,
  findStudio,
  futureBookingCount,
  GUIDANCE_NEXT,
  guidancePage,
  guidanceSummary,
  guidanceView,
  insertBooking,
  insertGuidance,
  insertGuidanceStep,
  insertSlots,
  insertStudio,
  slotRowsOf,
  slotsOf,
  studioPage,
  studioView,
  updateBooking,
  updateGuidance,
} from './store.js';

// Studios' rules: institutions offer studio slots, approved teachers book them, managers record
// no-shows, anyone asks for guidance. Each function runs in the request's transaction.

const MINUTE_MS = 60_000;

type PageQuery = { limit?: number | undefined; cursor?: string | undefined };

/** Managers of a studio: `studios.manage` for its institution, or for its region. */
const managesStudio = (ctx: Ctx, studio: StudioRow) =>
  ctx.can('studios.manage', { regionId: studio.regionId }) ||
  ctx.can('studios.manage', { institutionId: studio.institutionId });

async function institutionInRegion(ctx: Ctx, institutionId: string, path: string) {
  const institution = await ctx.identity.institution(institutionId);
  if (institution?.regionId !== ctx.regionId) {
    throw invalidField(path, 'institutionInRegion', `Institution ${institutionId} is not in region "${ctx.regionId}".`);
  }
}

export async function createStudio(ctx: Ctx, body: CreateStudioBody) {
  await institutionInRegion(ctx, body.institutionId, '/body/institutionId');
  if (!ctx.can('studios.manage', { regionId: ctx.regionId })) {
    ctx.require('studios.manage', { institutionId: body.institutionId });
  }
  const row = await insertStudio(ctx.db, {
    id: uuidv7(),
    regionId: ctx.regionId,
    institutionId: body.institutionId,
    name: body.name,
    location: body.location,
    equipment: body.equipment ?? [],
    createdAt: ctx.now(),
  });
  return studioView(row);
}

export async function listStudios(ctx: Ctx, query: PageQuery) {
  const limit = query.limit ?? 50;
  const rows = await studioPage(ctx.db, ctx.regionId, { limit, cursor: query.cursor });
  return toPage(rows, limit, idKey, studioView);
}

export async function getStudio(ctx: Ctx, studioId: string) {
  const studio = await findStudio(ctx.db, studioId, ctx.regionId);
  return { ...studioView(studio), slots: await slotsOf(ctx.db, studio.id) };
}

/** Offers new slots of a studio: in the future, within the region's longest slot, overlapping nothing. */
export async function addSlots(ctx: Ctx, studioId: string, body: AddSlotsBody) {
  // The studio row lock makes concurrent slot offers check overlaps one after another.
  const studio = await findStudio(ctx.db, studioId, ctx.regionId, true);
  if (!managesStudio(ctx, studio)) ctx.require('studios.manage', { institutionId: studio.institutionId });
  const now = ctx.now();
  const wanted = body.slots.map((slot, i) => {
    const startsAt = new Date(slot.startsAt);
    const endsAt = new Date(slot.endsAt);
    if (endsAt <= startsAt) throw invalidField(`/body/slots/${i}/endsAt`, 'afterStart', 'A slot ends after it starts.');
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
  const all = [...(await slotRowsOf(ctx.db, studio.id)), ...wanted];
  for (const slot of wanted) {
    const clash = all.find((o) => o.id !== slot.id && o.startsAt < slot.endsAt && slot.startsAt < o.endsAt);
    if (clash) {
      throw SlotOverlaps({
        detail: `${slot.startsAt.toISOString()}–${slot.endsAt.toISOString()} overlaps ${clash.startsAt.toISOString()}–${clash.endsAt.toISOString()}.`,
      });
    }
  }
  await insertSlots(ctx.db, wanted);
  return wanted.map((s) => ({
    id: s.id,
    studioId: s.studioId,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    free: true,
  }));
}

/** Books a free future slot for the caller's approved teacher profile, within the region's limit. */
export async function bookSlot(ctx: Ctx, slotId: string) {
  const teacher = await approvedTeacher(ctx);
  // Locking the slot row queues concurrent bookers; each then sees whether the slot is still free.
  const { slot } = await findSlot(ctx.db, slotId, ctx.regionId, true);
  const now = ctx.now();
  if (slot.startsAt <= now) throw WrongBookingState({ detail: 'The slot has already started.' });
  if (await activeBooking(ctx.db, slot.id)) throw SlotTaken({ detail: `Slot ${slot.id} is already booked.` });
  const held = await futureBookingCount(ctx.db, teacher.id, now);
  if (held >= ctx.config.studios.maxActiveBookingsPerTeacher) {
    throw WrongBookingState({ detail: `You already hold ${held} future bookings, the most this region allows.` });
  }
  const row = await insertBooking(ctx.db, {
    id: uuidv7(),
    slotId: slot.id,
    studioId: slot.studioId,
    teacherId: teacher.id,
    state: 'booked',
    bookedAt: now,
  });
  return bookingView(row, slot);
}

export async function listBookings(ctx: Ctx, query: PageQuery) {
  const teacher = await teacherOfPerson(ctx.db, ctx.requirePerson(PeopleOnly), ctx.regionId);
  const limit = query.limit ?? 50;
  const rows = teacher ? await bookingPage(ctx.db, teacher.id, { limit, cursor: query.cursor }) : [];
  return toPage(
    rows,
    limit,
    (r) => ({ id: r.booking.id }),
    (r) => bookingView(r.booking, r.slot),
  );
}

/** Cancels a booking before its slot starts: its teacher or the studio's managers (404 to others). */
export async function cancelBooking(ctx: Ctx, bookingId: string) {
  const { booking, slot, studio } = await findBooking(ctx.db, bookingId, ctx.regionId, true);
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
  return bookingView(await updateBooking(ctx.db, booking.id, { state: 'cancelled', cancelledAt: ctx.now() }), slot);
}

export async function recordNoShow(ctx: Ctx, bookingId: string) {
  const { booking, slot, studio } = await findBooking(ctx.db, bookingId, ctx.regionId, true);
  if (!managesStudio(ctx, studio)) ctx.require('studios.manage', { institutionId: studio.institutionId });
  if (booking.state !== 'booked' || slot.startsAt > ctx.now()) {
    throw WrongBookingState({ detail: 'A no-show is recorded for a booked slot that has started.' });
  }
  return bookingView(await updateBooking(ctx.db, booking.id, { state: 'no-show', noShowAt: ctx.now() }), slot);
}

export async function requestGuidance(ctx: Ctx, body: CreateGuidanceBody) {
  const personId = ctx.requirePerson(PeopleOnly);
  if (body.institutionId) await institutionInRegion(ctx, body.institutionId, '/body/institutionId');
  const now = ctx.now();
  const row = await insertGuidance(ctx.db, {
    id: uuidv7(),
    regionId: ctx.regionId,
    requestedBy: personId,
    institutionId: body.institutionId ?? null,
    description: body.description,
    state: 'submitted',
    createdAt: now,
    updatedAt: now,
  });
  await insertGuidanceStep(ctx.db, {
    id: uuidv7(),
    requestId: row.id,
    state: 'submitted',
    note: null,
    actorId: personId,
    at: now,
  });
  return guidanceView(ctx.db, row);
}

export async function listGuidanceRequests(ctx: Ctx, query: Static<typeof GuidanceListQuery>) {
  ctx.require('studios.manage', { regionId: ctx.regionId });
  const limit = query.limit ?? 50;
  const rows = await guidancePage(ctx.db, ctx.regionId, { limit, cursor: query.cursor, state: query.state });
  return toPage(rows, limit, idKey, guidanceSummary);
}

/** A guidance request: to the person who asked and the region's studio managers (404 to others). */
export async function getGuidanceRequest(ctx: Ctx, requestId: string) {
  const row = await findGuidance(ctx.db, requestId, ctx.regionId);
  const own = ctx.principal.kind === 'person' && ctx.principal.id === row.requestedBy;
  if (!own && !ctx.can('studios.manage', { regionId: row.regionId })) {
    throw GuidanceNotFound({ detail: `Guidance request ${row.id} does not exist.` });
  }
  return guidanceView(ctx.db, row);
}

/** Moves a guidance request along its workflow (GUIDANCE_NEXT), keeping every step. */
export async function moveGuidanceRequest(ctx: Ctx, requestId: string, body: Static<typeof GuidanceStatusBody>) {
  const row = await findGuidance(ctx.db, requestId, ctx.regionId, true);
  ctx.require('studios.manage', { regionId: row.regionId });
  if (!GUIDANCE_NEXT[row.state].includes(body.state)) {
    throw WrongGuidanceState({
      detail: `A ${row.state} request cannot become ${body.state}.`,
      extensions: { allowed: GUIDANCE_NEXT[row.state] },
    });
  }
  const now = ctx.now();
  const moved = await updateGuidance(ctx.db, row.id, { state: body.state, updatedAt: now });
  await insertGuidanceStep(ctx.db, {
    id: uuidv7(),
    requestId: row.id,
    state: body.state,
    note: body.note ?? null,
    actorId: ctx.principal.kind === 'anonymous' ? null : ctx.principal.id,
    at: now,
  });
  return guidanceView(ctx.db, moved);
}

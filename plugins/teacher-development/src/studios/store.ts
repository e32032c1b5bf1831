import type { Queryable } from '@lifelong/core';
import { and, asc, eq, ne } from 'drizzle-orm';
import { type Ctx, iso } from '../context.js';
import { BookingNotFound, GuidanceNotFound, SlotNotFound, StudioNotFound } from '../errors.js';
import {
  type BookingRow,
  bookings,
  type GuidanceRow,
  guidanceRequests,
  guidanceSteps,
  type SlotRow,
  type StudioRow,
  studioSlots,
  studios,
} from './schema.js';
import type { Booking, GuidanceRequest, Studio } from './schemas.js';

export const studioView = (row: StudioRow): Studio => ({
  id: row.id,
  regionId: row.regionId,
  institutionId: row.institutionId,
  name: row.name,
  location: row.location,
  equipment: row.equipment,
  createdAt: row.createdAt.toISOString(),
});

export const bookingView = (row: BookingRow, slot: SlotRow): Booking => ({
  id: row.id,
  slotId: row.slotId,
  studioId: row.studioId,
  teacherId: row.teacherId,
  state: row.state,
  startsAt: slot.startsAt.toISOString(),
  endsAt: slot.endsAt.toISOString(),
  bookedAt: row.bookedAt.toISOString(),
  cancelledAt: iso(row.cancelledAt),
  noShowAt: iso(row.noShowAt),
});

/** Managers of a studio: `studios.manage` for its institution, or for its region. */
export const managesStudio = (ctx: Ctx, studio: StudioRow) =>
  ctx.can('studios.manage', { regionId: studio.regionId }) ||
  ctx.can('studios.manage', { institutionId: studio.institutionId });

export async function findStudio(db: Queryable, studioId: string, regionId: string, lock = false) {
  const query = db
    .select()
    .from(studios)
    .where(and(eq(studios.id, studioId), eq(studios.regionId, regionId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw StudioNotFound({ detail: `Studio ${studioId} does not exist in region "${regionId}".` });
  return row;
}

/** A slot of a studio of the region, with its studio; `lock` holds the slot row until the transaction ends. */
export async function findSlot(db: Queryable, slotId: string, regionId: string, lock = false) {
  const query = db.select().from(studioSlots).where(eq(studioSlots.id, slotId));
  const [slot] = lock ? await query.for('update') : await query;
  const studio = slot ? await findStudio(db, slot.studioId, regionId).catch(() => null) : null;
  if (!slot || !studio) throw SlotNotFound({ detail: `Slot ${slotId} does not exist in region "${regionId}".` });
  return { slot, studio };
}

export async function activeBooking(db: Queryable, slotId: string) {
  const [row] = await db
    .select()
    .from(bookings)
    .where(and(eq(bookings.slotId, slotId), ne(bookings.state, 'cancelled')));
  return row ?? null;
}

export async function slotsOf(db: Queryable, studioId: string) {
  const rows = await db
    .select({ slot: studioSlots, bookingId: bookings.id })
    .from(studioSlots)
    .leftJoin(bookings, and(eq(bookings.slotId, studioSlots.id), ne(bookings.state, 'cancelled')))
    .where(eq(studioSlots.studioId, studioId))
    .orderBy(asc(studioSlots.startsAt));
  return rows.map(({ slot, bookingId }) => ({
    id: slot.id,
    studioId: slot.studioId,
    startsAt: slot.startsAt.toISOString(),
    endsAt: slot.endsAt.toISOString(),
    free: bookingId === null,
  }));
}

export async function findBooking(db: Queryable, bookingId: string, regionId: string, lock = false) {
  const query = db.select().from(bookings).where(eq(bookings.id, bookingId));
  const [booking] = lock ? await query.for('update') : await query;
  if (!booking) throw BookingNotFound({ detail: `Booking ${bookingId} does not exist.` });
  const { slot, studio } = await findSlot(db, booking.slotId, regionId).catch(() => {
    throw BookingNotFound({ detail: `Booking ${bookingId} does not exist in region "${regionId}".` });
  });
  return { booking, slot, studio };
}

export async function guidanceView(db: Queryable, row: GuidanceRow): Promise<GuidanceRequest> {
  const steps = await db
    .select()
    .from(guidanceSteps)
    .where(eq(guidanceSteps.requestId, row.id))
    .orderBy(asc(guidanceSteps.id));
  return {
    ...guidanceSummary(row),
    steps: steps.map((s) => ({ state: s.state, note: s.note, at: s.at.toISOString() })),
  };
}

export const guidanceSummary = (row: GuidanceRow) => ({
  id: row.id,
  regionId: row.regionId,
  requestedBy: row.requestedBy,
  institutionId: row.institutionId,
  description: row.description,
  state: row.state,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export async function findGuidance(db: Queryable, requestId: string, regionId: string, lock = false) {
  const query = db
    .select()
    .from(guidanceRequests)
    .where(and(eq(guidanceRequests.id, requestId), eq(guidanceRequests.regionId, regionId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw GuidanceNotFound({ detail: `Guidance request ${requestId} does not exist in region "${regionId}".` });
  return row;
}

/** The guidance workflow: which states may follow each state. */
export const GUIDANCE_NEXT: Record<GuidanceRow['state'], GuidanceRow['state'][]> = {
  submitted: ['accepted', 'declined'],
  accepted: ['in-progress', 'declined'],
  'in-progress': ['completed'],
  completed: [],
  declined: [],
};

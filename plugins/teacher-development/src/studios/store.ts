import { afterIdCursor, type Queryable } from '@lifelong/core';
import { and, asc, count, eq, gt, ne } from 'drizzle-orm';
import { iso } from '../context.js';
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

type PageArgs = { limit: number; cursor?: string | undefined };

export async function insertStudio(db: Queryable, values: typeof studios.$inferInsert) {
  const [row] = await db.insert(studios).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function studioPage(db: Queryable, regionId: string, page: PageArgs) {
  return db
    .select()
    .from(studios)
    .where(and(eq(studios.regionId, regionId), afterIdCursor(studios.id, page.cursor)))
    .orderBy(studios.id)
    .limit(page.limit + 1);
}

export async function slotRowsOf(db: Queryable, studioId: string) {
  return db.select().from(studioSlots).where(eq(studioSlots.studioId, studioId));
}

export async function insertSlots(db: Queryable, rows: (typeof studioSlots.$inferInsert)[]) {
  await db.insert(studioSlots).values(rows);
}

/** How many bookings the teacher holds for slots that start after `now`. */
export async function futureBookingCount(db: Queryable, teacherId: string, now: Date) {
  const [row] = await db
    .select({ n: count() })
    .from(bookings)
    .innerJoin(studioSlots, eq(studioSlots.id, bookings.slotId))
    .where(and(eq(bookings.teacherId, teacherId), eq(bookings.state, 'booked'), gt(studioSlots.startsAt, now)));
  return row?.n ?? 0;
}

export async function insertBooking(db: Queryable, values: typeof bookings.$inferInsert) {
  const [row] = await db.insert(bookings).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function bookingPage(db: Queryable, teacherId: string, page: PageArgs) {
  return db
    .select({ booking: bookings, slot: studioSlots })
    .from(bookings)
    .innerJoin(studioSlots, eq(studioSlots.id, bookings.slotId))
    .where(and(eq(bookings.teacherId, teacherId), afterIdCursor(bookings.id, page.cursor)))
    .orderBy(bookings.id)
    .limit(page.limit + 1);
}

export async function updateBooking(db: Queryable, id: string, set: Partial<typeof bookings.$inferInsert>) {
  const [row] = await db.update(bookings).set(set).where(eq(bookings.id, id)).returning();
  if (!row) throw new Error('update returned no row');
  return row;
}

export async function insertGuidance(db: Queryable, values: typeof guidanceRequests.$inferInsert) {
  const [row] = await db.insert(guidanceRequests).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function insertGuidanceStep(db: Queryable, values: typeof guidanceSteps.$inferInsert) {
  await db.insert(guidanceSteps).values(values);
}

export async function guidancePage(
  db: Queryable,
  regionId: string,
  page: PageArgs & { state?: GuidanceRow['state'] | undefined },
) {
  return db
    .select()
    .from(guidanceRequests)
    .where(
      and(
        eq(guidanceRequests.regionId, regionId),
        page.state ? eq(guidanceRequests.state, page.state) : undefined,
        afterIdCursor(guidanceRequests.id, page.cursor),
      ),
    )
    .orderBy(guidanceRequests.id)
    .limit(page.limit + 1);
}

export async function updateGuidance(db: Queryable, id: string, set: Partial<typeof guidanceRequests.$inferInsert>) {
  const [row] = await db.update(guidanceRequests).set(set).where(eq(guidanceRequests.id, id)).returning();
  if (!row) throw new Error('update returned no row');
  return row;
}

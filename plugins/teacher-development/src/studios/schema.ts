import type { TableDistribution } from '@lifelong/core';
import { sql } from 'drizzle-orm';
import { check, index, jsonb, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { teacherDevelopment } from '../schema.js';

/** A micro-class recording studio an institution offers to teachers. */
export const studios = teacherDevelopment.table(
  'studios',
  {
    id: uuid('id').primaryKey(),
    regionId: text('region_id').notNull(),
    institutionId: uuid('institution_id').notNull(),
    name: text('name').notNull(),
    location: text('location').notNull(),
    equipment: jsonb('equipment').$type<string[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('studios_region_idx').on(t.regionId, t.id)],
);
export type StudioRow = typeof studios.$inferSelect;

/** A free time slot of a studio. */
export const studioSlots = teacherDevelopment.table(
  'studio_slots',
  {
    id: uuid('id').primaryKey(),
    studioId: uuid('studio_id')
      .notNull()
      .references(() => studios.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('studio_slots_studio_start_key').on(t.studioId, t.startsAt),
    check('studio_slots_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);
export type SlotRow = typeof studioSlots.$inferSelect;

export const BOOKING_STATES = ['booked', 'cancelled', 'no-show'] as const;

/**
 * A teacher's booking of a slot. At most one booking per slot is not cancelled (the partial
 * unique index backs the row lock the booking route takes, so a slot is never double-booked).
 */
export const bookings = teacherDevelopment.table(
  'bookings',
  {
    id: uuid('id').primaryKey(),
    slotId: uuid('slot_id')
      .notNull()
      .references(() => studioSlots.id, { onDelete: 'cascade' }),
    studioId: uuid('studio_id').notNull(),
    teacherId: uuid('teacher_id').notNull(),
    state: text('state', { enum: BOOKING_STATES }).notNull(),
    bookedAt: timestamp('booked_at', { withTimezone: true }).notNull(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    noShowAt: timestamp('no_show_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('bookings_one_per_slot_key').on(t.slotId).where(sql`${t.state} <> 'cancelled'`),
    index('bookings_teacher_idx').on(t.teacherId, t.id),
  ],
);
export type BookingRow = typeof bookings.$inferSelect;

export const GUIDANCE_STATES = ['submitted', 'accepted', 'in-progress', 'completed', 'declined'] as const;

/** A request for guidance in setting up a teacher development center, tracked to completion. */
export const guidanceRequests = teacherDevelopment.table(
  'guidance_requests',
  {
    id: uuid('id').primaryKey(),
    regionId: text('region_id').notNull(),
    requestedBy: uuid('requested_by').notNull(),
    institutionId: uuid('institution_id'),
    description: text('description').notNull(),
    state: text('state', { enum: GUIDANCE_STATES }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('guidance_requests_region_idx').on(t.regionId, t.state, t.id)],
);
export type GuidanceRow = typeof guidanceRequests.$inferSelect;

/** Each status change of a guidance request, with who made it and why. */
export const guidanceSteps = teacherDevelopment.table(
  'guidance_steps',
  {
    id: uuid('id').primaryKey(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => guidanceRequests.id, { onDelete: 'cascade' }),
    state: text('state', { enum: GUIDANCE_STATES }).notNull(),
    note: text('note'),
    actorId: text('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('guidance_steps_request_idx').on(t.requestId, t.id)],
);

/** Placement on a distributed cluster (docs/scale.md): studios, slots and guidance are institution-scale catalogues; bookings by slot, so one slot's bookings are checked on one shard. */
export const studiosDistribution: readonly TableDistribution[] = [
  { table: studios, kind: 'reference' },
  { table: studioSlots, kind: 'reference' },
  { table: bookings, kind: 'distributed', column: 'slot_id', colocation: 'studio-slot' },
  { table: guidanceRequests, kind: 'reference' },
  { table: guidanceSteps, kind: 'reference' },
];

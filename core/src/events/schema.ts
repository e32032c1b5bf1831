import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { coreSchema } from '../db/core-schema.js';
import type { TableDistribution } from '../db/distribution.js';

/**
 * The outbox: one row per emitted event, written in the emitter's transaction. `seq` (an
 * identity column) orders events of one key; ids are UUIDv7 but not monotonic within one
 * millisecond. `fanned_out_at` is set once one delivery row per subscriber has been written:
 * dispatchers claim unfanned events with SKIP LOCKED instead of following an id cursor, so an
 * event whose transaction commits late is never skipped. A trigger (custom migration) keeps every
 * other column immutable.
 */
export const events = coreSchema.table(
  'events',
  {
    id: uuid('id').primaryKey(),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
    name: text('name').notNull(),
    key: text('key').notNull(),
    regionId: text('region_id'),
    payload: jsonb('payload').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    fannedOutAt: timestamp('fanned_out_at', { withTimezone: true }),
  },
  (t) => [
    // Small by design: only events still waiting for fan-out are in these two.
    index('events_unfanned_idx').on(t.seq).where(sql`${t.fannedOutAt} is null`),
    index('events_unfanned_key_idx').on(t.key, t.seq).where(sql`${t.fannedOutAt} is null`),
    index('events_created_at_idx').on(t.createdAt),
  ],
);

export const DELIVERY_STATUSES = ['pending', 'delivered', 'skipped', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One row per (event, subscriber). `pending` rows are due at `available_at`; a claim moves
 * `available_at` forward by the lease and sets `lease_id`, so no other instance takes the row
 * while its handler runs, and one that crashed mid-handler is retried once the lease is over.
 * `key` and `event_seq` are copied from the event so the "earlier delivery of this key still
 * pending?" check reads one index.
 */
export const eventDeliveries = coreSchema.table(
  'event_deliveries',
  {
    id: uuid('id').primaryKey(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    subscriber: text('subscriber').notNull(),
    key: text('key').notNull(),
    eventSeq: bigint('event_seq', { mode: 'number' }).notNull(),
    status: text('status').$type<DeliveryStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    availableAt: timestamp('available_at', { withTimezone: true }).notNull().defaultNow(),
    leaseId: uuid('lease_id'),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('event_deliveries_event_subscriber_idx').on(t.eventId, t.subscriber),
    index('event_deliveries_due_idx').on(t.availableAt).where(sql`${t.status} = 'pending'`),
    index('event_deliveries_key_order_idx').on(t.subscriber, t.key, t.eventSeq).where(sql`${t.status} = 'pending'`),
    index('event_deliveries_dead_idx').on(t.id).where(sql`${t.status} = 'dead'`),
    check('event_deliveries_status_check', sql`${t.status} in ('pending', 'delivered', 'skipped', 'dead')`),
    check('event_deliveries_attempts_check', sql`${t.attempts} >= 0`),
  ],
);

/**
 * Every subscriber any instance has registered, and the event it follows. Fan-out reads this
 * table rather than the instance's own registry, so during a rolling deploy an instance that does
 * not know a new subscriber yet still writes its deliveries; only instances that know a
 * subscriber claim its deliveries.
 */
export const eventSubscriptions = coreSchema.table('event_subscriptions', {
  subscriber: text('subscriber').primaryKey(),
  eventName: text('event_name').notNull(),
  registeredAt: timestamp('registered_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Placement on a distributed cluster (docs/scale.md): the outbox per shard, by ordering key, so
 * one key's events and deliveries stay on one shard in order; subscribers are a catalogue.
 */
export const eventsDistribution: readonly TableDistribution[] = [
  { table: events, kind: 'distributed', column: 'key', colocation: 'event-key' },
  { table: eventDeliveries, kind: 'distributed', column: 'key', colocation: 'event-key' },
  { table: eventSubscriptions, kind: 'reference' },
];

import { and, eq, inArray, sql } from 'drizzle-orm';
import { anyUuid } from '../db/any-uuid.js';
import { type Database, resultRows } from '../db/database.js';
import { uuidv7 } from '../ids/uuidv7.js';
import { type DeliveryStatus, eventDeliveries, eventSubscriptions, events } from './schema.js';
import { SQL_UUIDV7 } from './sql-uuidv7.js';

// Every statement here is its own short transaction: no lock is held while a handler runs.

const millis = (ms: number) => sql`(${ms}::double precision * interval '1 millisecond')`;

/** Records this instance's subscribers, so every instance's fan-out writes their deliveries. */
export async function registerSubscriptions(db: Database, subscriptions: { subscriber: string; eventName: string }[]) {
  if (subscriptions.length === 0) return;
  await db
    .insert(eventSubscriptions)
    .values(subscriptions)
    .onConflictDoUpdate({
      target: eventSubscriptions.subscriber,
      set: { eventName: sql`excluded.event_name`, registeredAt: sql`now()` },
    });
}

export interface FanOutResult {
  /** Events marked fanned out. */
  events: number;
  /** Delivery rows written. */
  deliveries: number;
}

/**
 * Claims committed events that have not been fanned out (oldest first, skipping rows another
 * instance holds), writes one delivery per registered subscriber of each, and marks them. An
 * event waits while an earlier event of its key is still unfanned elsewhere, so deliveries of a
 * key are written in emit order.
 *
 * One statement (so one round trip, and atomic on its own): under load the dispatcher runs a
 * round after nearly every commit that emitted, and the transaction this used to be (claim,
 * read subscriptions, write deliveries, mark) was a quarter of the CPU of a ledger transfer.
 */
export async function fanOut(db: Database, batchSize: number): Promise<FanOutResult> {
  // Idle instances poll often: a plain read first is cheaper than the claim when there is nothing.
  const waiting = resultRows(await db.execute(sql`select 1 from core.events where fanned_out_at is null limit 1`));
  if (waiting.length === 0) return { events: 0, deliveries: 0 };
  const [row] = resultRows<{ events: number | string; deliveries: number | string }>(
    await db.execute(sql`
      with claimed as materialized (
        select id, seq, key, name from core.events
        where fanned_out_at is null
        order by seq
        limit ${batchSize}
        for update skip locked
      ),
      ready as materialized (
        select c.id, c.seq, c.key, c.name from claimed c
        where not exists (
          select 1 from core.events e
          where e.key = c.key and e.seq < c.seq and e.fanned_out_at is null
            and e.id not in (select id from claimed)
        )
      ),
      delivered as (
        insert into core.event_deliveries (id, event_id, subscriber, key, event_seq)
        select ${SQL_UUIDV7}, r.id, s.subscriber, r.key, r.seq
        from ready r join core.event_subscriptions s on s.event_name = r.name
        order by r.seq, s.subscriber
        on conflict do nothing
        returning 1
      ),
      marked as (
        update core.events e set fanned_out_at = now() from ready r where e.id = r.id
        returning 1
      )
      select (select count(*) from marked) as events, (select count(*) from delivered) as deliveries`),
  );
  return { events: Number(row?.events ?? 0), deliveries: Number(row?.deliveries ?? 0) };
}

/** Which of `ids` are visible, i.e. their emitting transactions committed. */
export async function committedEvents(db: Database, ids: readonly string[]): Promise<string[]> {
  const rows = await db.select({ id: events.id }).from(events).where(anyUuid(events.id, ids));
  return rows.map((row) => row.id);
}

export interface ClaimedDelivery {
  id: string;
  eventId: string;
  subscriber: string;
  attempts: number;
  leaseId: string;
}

/**
 * Leases due deliveries of `subscribers`: only the first pending delivery of each
 * (subscriber, key), so a key's next event waits until the previous one is delivered or
 * dead-lettered, and never one while another of its key is in flight (a requeued dead letter
 * is older than what may be running). The lease (moving `available_at` forward) keeps other instances off the row
 * while its handler runs; if this instance dies, the row is due again when the lease ends.
 */
export async function claimDeliveries(
  db: Database,
  subscribers: readonly string[],
  { batchSize, leaseMs }: { batchSize: number; leaseMs: number },
): Promise<ClaimedDelivery[]> {
  if (subscribers.length === 0) return [];
  const leaseId = uuidv7();
  const subscriberList = sql.join(
    subscribers.map((subscriber) => sql`${subscriber}`),
    sql`, `,
  );
  const rows = resultRows<{ id: string; event_id: string; subscriber: string; attempts: number }>(
    await db.execute(sql`
      with due as (
        select d.id from core.event_deliveries d
        where d.status = 'pending' and d.available_at <= now()
          and d.subscriber in (${subscriberList})
          and not exists (
            select 1 from core.event_deliveries p
            where p.subscriber = d.subscriber and p.key = d.key and p.status = 'pending' and p.id <> d.id
              and (p.event_seq < d.event_seq or (p.lease_id is not null and p.available_at > now()))
          )
        order by d.event_seq
        limit ${batchSize}
        for update skip locked
      )
      update core.event_deliveries d
      set available_at = now() + ${millis(leaseMs)}, lease_id = ${leaseId}, attempts = d.attempts + 1
      from due where d.id = due.id
      returning d.id, d.event_id, d.subscriber, d.attempts`),
  );
  return rows.map((row) => ({
    id: row.id,
    eventId: row.event_id,
    subscriber: row.subscriber,
    attempts: Number(row.attempts),
    leaseId,
  }));
}

export function loadEvents(db: Database, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(events)
    .where(inArray(events.id, [...ids]));
}

const leased = (delivery: ClaimedDelivery) =>
  and(
    eq(eventDeliveries.id, delivery.id),
    eq(eventDeliveries.leaseId, delivery.leaseId),
    eq(eventDeliveries.status, 'pending'),
  );

/** Marks a leased delivery done. False when the lease was lost (it ran out and another instance took over). */
export async function completeDelivery(
  db: Database,
  delivery: ClaimedDelivery,
  status: Extract<DeliveryStatus, 'delivered' | 'skipped'>,
): Promise<boolean> {
  const updated = await db
    .update(eventDeliveries)
    .set({ status, finishedAt: sql`now()`, leaseId: null, lastError: null })
    .where(leased(delivery))
    .returning({ id: eventDeliveries.id });
  return updated.length > 0;
}

const MAX_ERROR_LENGTH = 2000;

/** Schedules the next attempt in `retryInMs`, or dead-letters the delivery when `retryInMs` is null. */
export async function failDelivery(
  db: Database,
  delivery: ClaimedDelivery,
  error: string,
  retryInMs: number | null,
): Promise<boolean> {
  const lastError = error.slice(0, MAX_ERROR_LENGTH);
  const updated = await db
    .update(eventDeliveries)
    .set(
      retryInMs === null
        ? { status: 'dead', finishedAt: sql`now()`, leaseId: null, lastError }
        : { availableAt: sql`now() + ${millis(retryInMs)}`, leaseId: null, lastError },
    )
    .where(leased(delivery))
    .returning({ id: eventDeliveries.id });
  return updated.length > 0;
}

import { sql } from 'drizzle-orm';
import { plainArray, textArray } from '../db/array-literal.js';
import { type Queryable, resultRows } from '../db/database.js';
import { fieldErrors } from '../http/validation.js';
import { uuidv7 } from '../ids/uuidv7.js';
import { EventInvalidPayload, EventUnknown } from './errors.js';
import { type EventRef, isEventRef } from './event-ref.js';
import { SQL_UUIDV7 } from './sql-uuidv7.js';

export interface EmitOptions {
  /**
   * Orders delivery: a subscriber gets the events of one key one after another, in emit order.
   * Default: the event id, i.e. no ordering with other events. Use the aggregate's id (a
   * learner, an account) when order matters.
   */
  key?: string;
  /** The region the event happened in, so subscribers disabled there can skip it. */
  regionId?: string | null;
}

const MAX_KEY_LENGTH = 200;

/** One event of a batch: its payload and options. */
export interface EventItem<T> extends EmitOptions {
  payload: T;
}

export interface WrittenEvents {
  /** The events' ids, in item order. */
  ids: string[];
  /** Delivery rows written with the events (fanned out at once). */
  deliveries: number;
  /** Events left for the dispatcher's fan-out round. */
  waiting: number;
}

/**
 * Validates every payload and writes the events into the outbox through `tx` with one statement,
 * in item order, so they commit or roll back with the caller's work. All or nothing: an invalid
 * item rejects the batch before anything is written. Nothing is delivered until `tx` commits.
 *
 * With `fanOut`, the same statement also writes one delivery row per registered subscriber and
 * marks the events fanned out, which saves the dispatcher a write transaction (and a commit) per
 * emitting transaction. Only for emitters whose own subscribers are registered already (the
 * table is what fan-out reads), and an event still waits for the round when an earlier event of
 * its key does, so deliveries of a key keep emit order.
 */
export async function writeEvents<T>(
  tx: Queryable,
  ref: EventRef<T>,
  items: readonly EventItem<NoInfer<T>>[],
  { fanOut = false }: { fanOut?: boolean } = {},
): Promise<WrittenEvents> {
  if (!isEventRef(ref)) {
    throw EventUnknown({ detail: 'emit() takes an event ref made by defineEvent(name, schema).' });
  }
  const ids: string[] = [];
  const keys: string[] = [];
  const regions: (string | null)[] = [];
  const payloads: string[] = [];
  items.forEach(({ payload, key, regionId = null }, index) => {
    const errors = fieldErrors(ref.schema, payload, items.length === 1 ? '/payload' : `/${index}/payload`);
    if (errors.length > 0) {
      throw EventInvalidPayload({
        detail: `The payload of ${ref.name} does not match its schema: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`,
        errors,
      });
    }
    if (key !== undefined && (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH)) {
      throw EventInvalidPayload({
        detail: `The key of ${ref.name} must be a non-empty string of at most ${MAX_KEY_LENGTH} characters.`,
      });
    }
    const id = uuidv7();
    ids.push(id);
    keys.push(key ?? id);
    regions.push(regionId);
    payloads.push(JSON.stringify(payload) ?? 'null');
  });
  if (ids.length === 0) return { ids, deliveries: 0, waiting: 0 };
  const [row] = resultRows<{ deliveries: number | string; waiting: number | string }>(
    await tx.execute(sql`
      with written as (
        insert into core.events (id, name, key, region_id, payload, fanned_out_at)
        select x.id, ${ref.name}::text, x.key, x.region_id, p.payload,
               case when ${fanOut}::boolean and not exists (
                 select 1 from core.events u where u.key = x.key and u.fanned_out_at is null
               ) then now() end
        from unnest(${plainArray(ids)}::uuid[], ${textArray(keys)}::text[], ${textArray(regions)}::text[])
               with ordinality as x(id, key, region_id, n)
        join jsonb_array_elements(${`[${payloads.join(',')}]`}::jsonb) with ordinality as p(payload, n) on p.n = x.n
        order by x.n
        returning id, seq, key, name, fanned_out_at
      ),
      delivered as (
        insert into core.event_deliveries (id, event_id, subscriber, key, event_seq)
        select ${SQL_UUIDV7}, w.id, s.subscriber, w.key, w.seq
        from written w join core.event_subscriptions s on s.event_name = w.name
        where w.fanned_out_at is not null
        order by w.seq, s.subscriber
        returning 1
      )
      select (select count(*) from delivered)::int as deliveries,
             (select count(*) from written where fanned_out_at is null)::int as waiting`),
  );
  return { ids, deliveries: Number(row?.deliveries ?? 0), waiting: Number(row?.waiting ?? 0) };
}

import type { Queryable } from '../db/database.js';
import { fieldErrors } from '../http/validation.js';
import { uuidv7 } from '../ids/uuidv7.js';
import { EventInvalidPayload, EventUnknown } from './errors.js';
import { type EventRef, isEventRef } from './event-ref.js';
import { events } from './schema.js';

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

/**
 * Validates `payload` and writes the event into the outbox through `tx`, so it commits or rolls
 * back with the caller's work. Returns the event id (UUIDv7). Nothing is delivered until the
 * transaction commits.
 */
export async function writeEvent<T>(
  tx: Queryable,
  ref: EventRef<T>,
  payload: NoInfer<T>,
  options: EmitOptions = {},
): Promise<string> {
  const [id] = await writeEvents(tx, ref, [{ payload, ...options }]);
  return id as string;
}

/** One event of a batch: its payload and options. */
export interface EventItem<T> extends EmitOptions {
  payload: T;
}

/**
 * Validates every payload and writes the events into the outbox through `tx` in a few
 * multi-row inserts (bulk work: one statement per 1,000 events instead of one per event), in
 * item order. All or nothing: an invalid item rejects the batch before anything is written.
 */
export async function writeEvents<T>(
  tx: Queryable,
  ref: EventRef<T>,
  items: readonly EventItem<NoInfer<T>>[],
): Promise<string[]> {
  if (!isEventRef(ref)) {
    throw EventUnknown({ detail: 'emit() takes an event ref made by defineEvent(name, schema).' });
  }
  const rows = items.map(({ payload, key, regionId = null }, index) => {
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
    return { id, name: ref.name, key: key ?? id, regionId, payload: payload as object };
  });
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(events).values(rows.slice(i, i + 1000));
  return rows.map((row) => row.id);
}

import { Type } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/database.js';
import { EventInvalidPayload, EventSubscriptionInvalid, EventUnknown } from './errors.js';
import { defineEvent } from './event-ref.js';
import { createEventSystem } from './event-system.js';
import { capturingLogger, deliveriesOf, eventRows, migratedTestDatabase, uniqueEventName } from './test-support.js';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await migratedTestDatabase();
});
afterAll(() => database?.close());

const Payload = Type.Object({ learnerId: Type.String({ format: 'uuid' }), credits: Type.Integer({ minimum: 1 }) });
const learnerId = '01930000-0000-7000-8000-000000000001';

function system() {
  return createEventSystem({ db: database.db, logger: capturingLogger().logger, baseDelayMs: 0 });
}

describe('emit', () => {
  it('writes the event in the caller’s transaction and returns its UUIDv7 id', async () => {
    const Awarded = defineEvent(uniqueEventName(), Payload);
    const events = system();
    const id = await database.db.transaction((tx) =>
      events.emit(tx, Awarded, { learnerId, credits: 3 }, { key: learnerId, regionId: 'default' }),
    );
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const [row] = await eventRows(database.db, Awarded.name);
    expect(row).toMatchObject({ id, key: learnerId, regionId: 'default', payload: { learnerId, credits: 3 } });
    expect(row?.fannedOutAt).toBeNull();
  });

  it('emitMany writes a batch in item order (seq), each with its key and region', async () => {
    const Awarded = defineEvent(uniqueEventName(), Payload);
    const items = Array.from({ length: 1001 }, (_, i) => ({
      payload: { learnerId, credits: i + 1 },
      key: learnerId,
      regionId: 'default',
    }));
    const ids = await database.db.transaction((tx) => system().emitMany(tx, Awarded, items));
    expect(new Set(ids).size).toBe(1001);
    const rows = (await eventRows(database.db, Awarded.name)).sort((a, b) => a.seq - b.seq);
    expect(rows.map((r) => r.id)).toEqual(ids);
    expect(rows[1000]).toMatchObject({ key: learnerId, regionId: 'default', payload: { credits: 1001 } });
  });

  it('emitMany events are delivered like emitted ones, in order per key', async () => {
    const Awarded = defineEvent(uniqueEventName(), Payload);
    const events = system();
    const received: number[] = [];
    events.subscribe({
      subscriber: 'test:many',
      event: Awarded,
      handler: (e) => void received.push(e.payload.credits),
    });
    const items = [1, 2, 3].map((credits) => ({ payload: { learnerId, credits }, key: learnerId }));
    await database.db.transaction((tx) => events.emitMany(tx, Awarded, items));
    await events.drain();
    expect(received).toEqual([1, 2, 3]);
  });

  it('emitMany writes nothing when one payload is invalid, naming its index', async () => {
    const Awarded = defineEvent(uniqueEventName(), Payload);
    const bad = [{ payload: { learnerId, credits: 1 } }, { payload: { learnerId, credits: 0 } }];
    const error = await system()
      .emitMany(database.db, Awarded, bad)
      .catch((e: unknown) => e);
    expect(EventInvalidPayload.is(error)).toBe(true);
    expect((error as { errors: { path: string }[] }).errors[0]?.path).toBe('/1/payload/credits');
    expect(await eventRows(database.db, Awarded.name)).toEqual([]);
  });

  it('uses the event id as the key when none is given, so events are unordered by default', async () => {
    const Awarded = defineEvent(uniqueEventName(), Payload);
    const id = await system().emit(database.db, Awarded, { learnerId, credits: 1 });
    const [row] = await eventRows(database.db, Awarded.name);
    expect(row?.key).toBe(id);
    expect(row?.regionId).toBeNull();
  });

  it('never delivers an event whose transaction rolled back', async () => {
    const Awarded = defineEvent(uniqueEventName(), Payload);
    const events = system();
    const received: string[] = [];
    events.subscribe({ subscriber: 'test:rollback', event: Awarded, handler: (e) => void received.push(e.id) });
    let emittedId: string | undefined;
    await expect(
      database.db.transaction(async (tx) => {
        emittedId = await events.emit(tx, Awarded, { learnerId, credits: 2 });
        throw new Error('the business operation failed');
      }),
    ).rejects.toThrow('the business operation failed');
    await events.drain();
    expect(emittedId).toBeDefined();
    expect(received).toEqual([]);
    expect(await eventRows(database.db, Awarded.name)).toEqual([]);
    expect(await deliveriesOf(database.db, emittedId as string)).toEqual([]);
  });

  it('rejects an invalid payload with EVENT_INVALID_PAYLOAD naming the field, and writes nothing', async () => {
    const Awarded = defineEvent(uniqueEventName(), Payload);
    const events = system();
    let thrown: unknown;
    await database.db
      .transaction(async (tx) => {
        await events.emit(tx, Awarded, { learnerId: 'not-a-uuid', credits: 0 });
      })
      .catch((error: unknown) => {
        thrown = error;
      });
    expect(EventInvalidPayload.is(thrown)).toBe(true);
    const paths = (thrown as { errors: { path: string }[] }).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/payload/learnerId', '/payload/credits']));
    expect(await eventRows(database.db, Awarded.name)).toEqual([]);
  });

  it('rejects an empty key', async () => {
    const Awarded = defineEvent(uniqueEventName(), Payload);
    await expect(system().emit(database.db, Awarded, { learnerId, credits: 1 }, { key: '' })).rejects.toSatisfy(
      (error) => EventInvalidPayload.is(error),
    );
    expect(await eventRows(database.db, Awarded.name)).toEqual([]);
  });

  it('emits by name only events it knows, and names an unknown one in an EVENT_UNKNOWN error', async () => {
    const Awarded = defineEvent(uniqueEventName(), Payload);
    const events = createEventSystem({ db: database.db, logger: capturingLogger().logger, events: [Awarded] });
    const id = await events.emit(database.db, Awarded.name, { learnerId, credits: 1 });
    expect((await eventRows(database.db, Awarded.name)).map((row) => row.id)).toEqual([id]);

    const unknown = uniqueEventName();
    await expect(events.emit(database.db, unknown, { learnerId, credits: 1 })).rejects.toSatisfy(
      (error) => EventUnknown.is(error) && (error as Error).message.includes(unknown),
    );
    expect(await eventRows(database.db, unknown)).toEqual([]);
  });

  it('validates by-name emits against the known schema', async () => {
    const Awarded = defineEvent(uniqueEventName(), Payload);
    const events = createEventSystem({ db: database.db, logger: capturingLogger().logger, events: [Awarded] });
    await expect(events.emit(database.db, Awarded.name, { learnerId })).rejects.toSatisfy((error) =>
      EventInvalidPayload.is(error),
    );
    expect(await eventRows(database.db, Awarded.name)).toEqual([]);
  });

  it('keeps an emitted event immutable in the database (only its fan-out mark may change)', async () => {
    const Awarded = defineEvent(uniqueEventName(), Payload);
    const id = await system().emit(database.db, Awarded, { learnerId, credits: 1 });
    await expect(
      database.db.execute(sql`update core.events set payload = '{"credits": 99}' where id = ${id}`),
    ).rejects.toThrow();
    await database.db.execute(sql`update core.events set fanned_out_at = now() where id = ${id}`);
  });
});

describe('fan-out at emit', () => {
  it('writes the deliveries with the event once the subscribers are registered, so no round is needed', async () => {
    const Awarded = defineEvent(uniqueEventName(), Payload);
    const events = system();
    events.subscribe({ subscriber: 'test:at-emit-a', event: Awarded, handler: () => {} });
    events.subscribe({ subscriber: 'test:at-emit-b', event: Awarded, handler: () => {} });
    await events.drain(); // registers this instance's subscribers
    const id = await database.db.transaction((tx) => events.emit(tx, Awarded, { learnerId, credits: 1 }));
    const [row] = await eventRows(database.db, Awarded.name);
    expect(row?.fannedOutAt).not.toBeNull();
    const deliveries = await deliveriesOf(database.db, id);
    expect(deliveries.map((d) => d.subscriber).sort()).toEqual(['test:at-emit-a', 'test:at-emit-b']);
    expect(deliveries.every((d) => d.status === 'pending' && d.eventSeq === row?.seq && d.key === id)).toBe(true);
  });

  it('writes neither event nor deliveries when the emitting transaction rolls back', async () => {
    const Awarded = defineEvent(uniqueEventName(), Payload);
    const events = system();
    events.subscribe({ subscriber: 'test:at-emit-rollback', event: Awarded, handler: () => {} });
    await events.drain();
    let id = '';
    await database.db
      .transaction(async (tx) => {
        id = await events.emit(tx, Awarded, { learnerId, credits: 1 });
        throw new Error('rolled back');
      })
      .catch(() => {});
    expect(id).not.toBe('');
    expect(await eventRows(database.db, Awarded.name)).toEqual([]);
    expect(await deliveriesOf(database.db, id)).toEqual([]);
  });

  it('leaves an event for the round while an earlier event of its key waits, keeping emit order', async () => {
    const Awarded = defineEvent(uniqueEventName(), Payload);
    const key = `order-${Math.random()}`;
    // An instance whose dispatcher has not registered yet (or an older version) leaves its event unfanned.
    const first = await system().emit(database.db, Awarded, { learnerId, credits: 1 }, { key });
    const events = system();
    const received: number[] = [];
    events.subscribe({
      subscriber: 'test:at-emit-order',
      event: Awarded,
      handler: (e) => void received.push((e.payload as { credits: number }).credits),
    });
    await events.drain(); // fans `first` out and delivers it
    expect(received).toEqual([1]);
    const blocker = await system().emit(database.db, Awarded, { learnerId, credits: 2 }, { key });
    const later = await events.emit(database.db, Awarded, { learnerId, credits: 3 }, { key });
    const other = await events.emit(database.db, Awarded, { learnerId, credits: 4 });
    const fanned = new Map((await eventRows(database.db, Awarded.name)).map((r) => [r.id, r.fannedOutAt !== null]));
    expect([first, blocker, later, other].map((id) => fanned.get(id))).toEqual([true, false, false, true]);
    await events.drain();
    expect(received.filter((n) => n !== 4)).toEqual([1, 2, 3]);
    expect(received.sort()).toEqual([1, 2, 3, 4]);
  });
});

describe('subscribe', () => {
  const Awarded = defineEvent('credit-bank.credit.awarded', Payload);

  it('rejects a subscriber id that is not "<source>:<purpose>"', () => {
    for (const subscriber of ['award', 'Credit-bank:award', 'credit-bank:', ':award', 'credit bank:award']) {
      expect(() => system().subscribe({ subscriber, event: Awarded, handler: () => {} })).toThrow(
        expect.objectContaining({ code: EventSubscriptionInvalid.code }),
      );
    }
  });

  it('rejects an invalid event name and a duplicate subscriber', () => {
    const events = system();
    expect(() => events.subscribe({ subscriber: 'test:a', event: 'not an event', handler: () => {} })).toThrow(
      /EVENT_INVALID_NAME/,
    );
    events.subscribe({ subscriber: 'test:a', event: Awarded, handler: () => {} });
    expect(() => events.subscribe({ subscriber: 'test:a', event: Awarded, handler: () => {} })).toThrow(
      /registered twice/,
    );
  });

  it('refuses subscriptions once the dispatcher has started', async () => {
    const events = system();
    await events.drain();
    expect(() => events.subscribe({ subscriber: 'test:late', event: Awarded, handler: () => {} })).toThrow(
      /after the dispatcher started/,
    );
  });
});

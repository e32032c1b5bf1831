import { Type } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, resultRows } from '../db/database.js';
import { uuidv7 } from '../ids/uuidv7.js';
import { listDeadLetters, requeueDeadLetter } from './dead-letters.js';
import { defineEvent } from './event-ref.js';
import { createEventSystem, type EventSystemOptions } from './event-system.js';
import {
  type ClaimedDelivery,
  claimDeliveries,
  completeDelivery,
  failDelivery,
  fanOut,
  registerSubscriptions,
} from './outbox-store.js';
import { pruneEvents } from './prune.js';
import { events as eventsTable } from './schema.js';
import type { DeliveredEvent } from './subscriptions.js';
import {
  capturingLogger,
  deliveriesOf,
  eventRows,
  eventually,
  migratedTestDatabase,
  uniqueEventName,
} from './test-support.js';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await migratedTestDatabase();
});
afterAll(() => database?.close());

const Payload = Type.Object({ n: Type.Integer(), secret: Type.Optional(Type.String()) });

function system(options: Partial<EventSystemOptions> = {}) {
  const captured = capturingLogger();
  const events = createEventSystem({ db: database.db, logger: captured.logger, baseDelayMs: 0, ...options });
  return { events, rawLogs: captured.raw };
}

describe('the dispatcher', () => {
  it('delivers a committed event once to every subscriber, with its id, key, region and payload', async () => {
    const Happened = defineEvent(uniqueEventName(), Payload);
    const { events } = system();
    const first: DeliveredEvent[] = [];
    const second: DeliveredEvent[] = [];
    events.subscribe({ subscriber: 'test:first', event: Happened, handler: (e) => void first.push(e) });
    events.subscribe({ subscriber: 'test:second', event: Happened.name, handler: (e) => void second.push(e) });
    const id = await database.db.transaction((tx) =>
      events.emit(tx, Happened, { n: 1 }, { key: 'k-1', regionId: 'default' }),
    );
    await events.drain();
    await events.drain();

    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
    expect(first[0]).toMatchObject({ id, name: Happened.name, key: 'k-1', regionId: 'default', payload: { n: 1 } });
    expect(first[0]?.attempt).toBe(1);
    expect(first[0]?.createdAt).toBeInstanceOf(Date);
    const deliveries = await deliveriesOf(database.db, id);
    expect(deliveries.map((d) => [d.subscriber, d.status]).sort()).toEqual([
      ['test:first', 'delivered'],
      ['test:second', 'delivered'],
    ]);
    // Delivery ids are made by the fan-out statement: UUIDv7 stamped with the time, as JS ids are.
    for (const delivery of deliveries) {
      expect(delivery.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const millis = Number.parseInt(delivery.id.replace(/-/g, '').slice(0, 12), 16);
      expect(Math.abs(millis - Date.now())).toBeLessThan(60_000);
    }
  });

  it('does not hand other subscribers’ events to a handler', async () => {
    const Mine = defineEvent(uniqueEventName('mine'), Payload);
    const Other = defineEvent(uniqueEventName('other'), Payload);
    const { events } = system();
    const received: string[] = [];
    events.subscribe({ subscriber: 'test:only-mine', event: Mine, handler: (e) => void received.push(e.name) });
    await events.emit(database.db, Other, { n: 1 });
    await events.emit(database.db, Mine, { n: 2 });
    await events.drain();
    expect(received).toEqual([Mine.name]);
  });

  it('counts an event its filter rejects as delivered (skipped) without calling the handler', async () => {
    const Happened = defineEvent(uniqueEventName(), Payload);
    const { events } = system();
    const handled: string[] = [];
    events.subscribe({
      subscriber: 'test:filtered',
      event: Happened,
      filter: async (e) => e.regionId !== 'disabled-region',
      handler: (e) => void handled.push(e.regionId ?? 'none'),
    });
    const skippedId = await events.emit(database.db, Happened, { n: 1 }, { regionId: 'disabled-region' });
    await events.emit(database.db, Happened, { n: 2 }, { regionId: 'default' });
    await events.drain();
    expect(handled).toEqual(['default']);
    const [skipped] = await deliveriesOf(database.db, skippedId);
    expect(skipped?.status).toBe('skipped');
  });

  it('retries a throwing handler with growing attempt numbers, then dead-letters it with the last error', async () => {
    const Happened = defineEvent(uniqueEventName(), Payload);
    const { events, rawLogs } = system({ maxAttempts: 3 });
    const attempts: number[] = [];
    events.subscribe({
      subscriber: 'test:always-fails',
      event: Happened,
      handler: (e) => {
        attempts.push(e.attempt);
        throw new Error(`failure number ${e.attempt}`);
      },
    });
    const id = await events.emit(database.db, Happened, { n: 1, secret: 'personal-data-42' });
    await events.drain();

    expect(attempts).toEqual([1, 2, 3]);
    const [delivery] = await deliveriesOf(database.db, id);
    expect(delivery).toMatchObject({ status: 'dead', attempts: 3, lastError: 'Error: failure number 3' });
    const dead = await listDeadLetters(database.db, { subscriber: 'test:always-fails' });
    expect(dead.map((d) => d.eventId)).toEqual([id]);
    expect(rawLogs()).toContain('event delivery dead-lettered');
    expect(rawLogs()).not.toContain('personal-data-42');
  });

  it('delivers a requeued dead letter with a fresh set of attempts', async () => {
    const Happened = defineEvent(uniqueEventName(), Payload);
    const { events } = system({ maxAttempts: 2 });
    let healthy = false;
    const delivered: number[] = [];
    events.subscribe({
      subscriber: 'test:recovers',
      event: Happened,
      handler: (e) => {
        if (!healthy) throw new Error('downstream unavailable');
        delivered.push(e.attempt);
      },
    });
    const id = await events.emit(database.db, Happened, { n: 1 });
    await events.drain();
    const [dead] = await deliveriesOf(database.db, id);
    expect(dead?.status).toBe('dead');

    healthy = true;
    expect(await requeueDeadLetter(database.db, dead?.id as string)).toBe(true);
    expect(await requeueDeadLetter(database.db, dead?.id as string)).toBe(false);
    await events.drain();
    expect(delivered).toEqual([1]);
    const [after] = await deliveriesOf(database.db, id);
    expect(after).toMatchObject({ status: 'delivered', attempts: 1 });
  });

  it('waits for the back-off before retrying: drain leaves a not-yet-due retry alone', async () => {
    const Happened = defineEvent(uniqueEventName(), Payload);
    const { events } = system({ baseDelayMs: 60_000, maxDelayMs: 60_000 });
    let calls = 0;
    events.subscribe({
      subscriber: 'test:backs-off',
      event: Happened,
      handler: () => {
        calls += 1;
        throw new Error('not yet');
      },
    });
    const id = await events.emit(database.db, Happened, { n: 1 });
    await events.drain();
    await events.drain();
    expect(calls).toBe(1);
    const [delivery] = await deliveriesOf(database.db, id);
    expect(delivery?.status).toBe('pending');
    const [{ seconds } = { seconds: 0 }] = resultRows<{ seconds: number }>(
      await database.db.execute(
        sql`select extract(epoch from available_at - now())::float8 as seconds from core.event_deliveries where id = ${delivery?.id}`,
      ),
    );
    expect(Number(seconds)).toBeGreaterThan(20);
  });

  it('keeps order per key even when an earlier event’s handler fails a few times first', async () => {
    const Happened = defineEvent(uniqueEventName(), Payload);
    const { events } = system({ maxAttempts: 5 });
    const seen: string[] = [];
    let failuresLeft = 3;
    events.subscribe({
      subscriber: 'test:ordered',
      event: Happened,
      handler: (e) => {
        const { n } = e.payload as { n: number };
        if (e.key === 'learner-a' && n === 1 && failuresLeft > 0) {
          failuresLeft -= 1;
          throw new Error('flaky');
        }
        seen.push(`${e.key}#${n}`);
      },
    });
    await database.db.transaction(async (tx) => {
      for (const n of [1, 2, 3]) await events.emit(tx, Happened, { n }, { key: 'learner-a' });
    });
    await database.db.transaction(async (tx) => {
      for (const n of [4, 5]) await events.emit(tx, Happened, { n }, { key: 'learner-a' });
      await events.emit(tx, Happened, { n: 1 }, { key: 'learner-b' });
    });
    await events.drain();

    expect(seen.filter((s) => s.startsWith('learner-a'))).toEqual([
      'learner-a#1',
      'learner-a#2',
      'learner-a#3',
      'learner-a#4',
      'learner-a#5',
    ]);
    // Another key is not held up by learner-a's failures.
    expect(seen.indexOf('learner-b#1')).toBeLessThan(seen.indexOf('learner-a#1'));
  });

  it('lets the next event of a key through once the previous one is dead-lettered', async () => {
    const Happened = defineEvent(uniqueEventName(), Payload);
    const { events } = system({ maxAttempts: 2 });
    const seen: number[] = [];
    events.subscribe({
      subscriber: 'test:poison',
      event: Happened,
      handler: (e) => {
        const { n } = e.payload as { n: number };
        if (n === 1) throw new Error('poison message');
        seen.push(n);
      },
    });
    await events.emit(database.db, Happened, { n: 1 }, { key: 'k' });
    await events.emit(database.db, Happened, { n: 2 }, { key: 'k' });
    await events.drain();
    expect(seen).toEqual([2]);
  });

  it('holds a requeued dead letter back while a later event of its key is in flight', async () => {
    const Happened = defineEvent(uniqueEventName(), Payload);
    const subscriber = 'test:requeue-order';
    await registerSubscriptions(database.db, [{ subscriber, eventName: Happened.name }]);
    const { events } = system();
    await events.emit(database.db, Happened, { n: 1 }, { key: 'k' });
    await events.emit(database.db, Happened, { n: 2 }, { key: 'k' });
    await fanOut(database.db, 100);
    const [firstClaim] = await claimDeliveries(database.db, [subscriber], { batchSize: 10, leaseMs: 60_000 });
    await failDelivery(database.db, firstClaim as ClaimedDelivery, 'Error: poison', null);
    const [secondClaim] = await claimDeliveries(database.db, [subscriber], { batchSize: 10, leaseMs: 60_000 });
    expect(secondClaim?.eventId).not.toBe(firstClaim?.eventId);

    expect(await requeueDeadLetter(database.db, firstClaim?.id as string)).toBe(true);
    expect(await claimDeliveries(database.db, [subscriber], { batchSize: 10, leaseMs: 60_000 })).toEqual([]);
    await completeDelivery(database.db, secondClaim as ClaimedDelivery, 'delivered');
    const [again] = await claimDeliveries(database.db, [subscriber], { batchSize: 10, leaseMs: 60_000 });
    expect(again?.id).toBe(firstClaim?.id);
  });

  it('delivers again after a lease runs out, as when an instance dies mid-handler', async () => {
    const Happened = defineEvent(uniqueEventName(), Payload);
    const { events } = system();
    const attempts: number[] = [];
    events.subscribe({ subscriber: 'test:crash', event: Happened, handler: (e) => void attempts.push(e.attempt) });
    const id = await events.emit(database.db, Happened, { n: 1 });
    // A "dead instance" fans out and claims the delivery with a tiny lease, then never finishes.
    await registerSubscriptions(database.db, [{ subscriber: 'test:crash', eventName: Happened.name }]);
    await fanOut(database.db, 100);
    const claimed = await claimDeliveries(database.db, ['test:crash'], { batchSize: 10, leaseMs: 1 });
    expect(claimed.map((c) => c.eventId)).toEqual([id]);
    await eventually(
      async () => {
        await events.drain();
        return attempts.length > 0;
      },
      5_000,
      'the expired lease to be retried',
    );
    expect(attempts).toEqual([2]);
  });

  it('delivers in the background after start(), woken by emit, and stops gracefully', async () => {
    const Happened = defineEvent(uniqueEventName(), Payload);
    const { events } = system({ pollIntervalMs: 60_000 });
    const received: number[] = [];
    let release: () => void = () => {};
    const slow = new Promise<void>((resolve) => {
      release = resolve;
    });
    events.subscribe({
      subscriber: 'test:background',
      event: Happened,
      handler: async (e) => {
        const { n } = e.payload as { n: number };
        if (n === 2) await slow;
        received.push(n);
      },
    });
    await events.start();
    await database.db.transaction((tx) => events.emit(tx, Happened, { n: 1 }));
    await eventually(async () => received.length === 1, 10_000, 'the woken dispatcher to deliver');
    await events.emit(database.db, Happened, { n: 2 });
    await eventually(
      async () =>
        resultRows(
          await database.db.execute(
            sql`select 1 from core.event_deliveries where subscriber = 'test:background' and lease_id is not null`,
          ),
        ).length === 1,
      10_000,
      'the second delivery to be claimed',
    );
    const stopped = events.stop();
    release();
    await stopped;
    expect(received).toEqual([1, 2]);
  });
});

describe('pruneEvents', () => {
  it('deletes finished events past the cut-off with their deliveries, keeping unfanned and dead-lettered ones', async () => {
    const Happened = defineEvent(uniqueEventName(), Payload);
    const { events } = system({ maxAttempts: 1 });
    events.subscribe({
      subscriber: 'test:prune',
      event: Happened,
      handler: (e) => {
        if ((e.payload as { n: number }).n === 2) throw new Error('keep me');
      },
    });
    const done = await events.emit(database.db, Happened, { n: 1 });
    const dead = await events.emit(database.db, Happened, { n: 2 });
    await events.drain();
    const unfanned = await events.emit(database.db, Happened, { n: 3 });

    expect(await pruneEvents(database.db, { olderThanMs: 3_600_000 })).toBe(0);
    // A cut-off in the future makes every finished event "old".
    expect(await pruneEvents(database.db, { olderThanMs: -3_600_000, batchSize: 2 })).toBeGreaterThanOrEqual(1);

    const left = (await eventRows(database.db, Happened.name)).map((row) => row.id).sort();
    expect(left).toEqual([dead, unfanned].sort());
    expect(await deliveriesOf(database.db, done)).toEqual([]);
    expect((await deliveriesOf(database.db, dead)).map((d) => d.status)).toEqual(['dead']);
  });
});

describe('with NATS configured but unreachable', () => {
  it('still delivers by polling PostgreSQL, logs a warning, and stops cleanly', async () => {
    const Happened = defineEvent(uniqueEventName(), Payload);
    // Port 9 (discard) has no NATS server: connecting fails at once.
    const { events, rawLogs } = system({ pollIntervalMs: 20, nats: { url: 'nats://127.0.0.1:9' } });
    const received: number[] = [];
    events.subscribe({
      subscriber: 'test:no-nats',
      event: Happened,
      handler: (e) => void received.push((e.payload as { n: number }).n),
    });
    await events.start();
    try {
      // Written around emit(), as another instance would: only polling can find it.
      await database.db.insert(eventsTable).values({ id: uuidv7(), name: Happened.name, key: 'k', payload: { n: 7 } });
      await eventually(async () => received.length === 1, 10_000, 'polling to deliver');
      await eventually(async () => rawLogs().includes('NATS unavailable'), 10_000, 'the warning');
    } finally {
      await events.stop();
    }
    expect(received).toEqual([7]);
  });
});

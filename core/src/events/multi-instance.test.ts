import { Type } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase, resultRows } from '../db/database.js';
import { defineEvent } from './event-ref.js';
import { createEventSystem, type EventSystem } from './event-system.js';
import { natsReachable, natsWakeTransport } from './nats-transport.js';
import { capturingLogger, eventually, migratedTestDatabase, uniqueEventName } from './test-support.js';

const postgresUrl = process.env.DATABASE_URL;
const natsUrl = process.env.LIFELONG_NATS_URL ?? 'nats://127.0.0.1:4222';
const natsUp = postgresUrl ? await natsReachable(natsUrl) : false;

const Payload = Type.Object({ n: Type.Integer() });
const KEYS = ['learner-a', 'learner-b', 'learner-c', 'learner-d'];
const EVENTS_PER_INSTANCE = 60;

const streams: string[] = [];
/** A stream name of its own per test; deleted after the tests, so runs leave nothing in NATS. */
function testStream(label: string): string {
  const name = `LIFELONG_TEST_${label}_${process.pid}_${Date.now().toString(36).toUpperCase()}`;
  streams.push(name);
  return name;
}

async function deleteStreams(): Promise<void> {
  if (streams.length === 0) return;
  const { connect } = await import('nats');
  const nc = await connect({ servers: natsUrl });
  const jsm = await nc.jetstreamManager();
  for (const name of streams) await jsm.streams.delete(name).catch(() => false);
  await nc.close();
}

/** `LIFELONG_TEST_RUN_…` → `lifelong-test-run-…`, usable as a subscriber's source. */
const asSource = (prefix: string) => prefix.toLowerCase().replaceAll('_', '-');

let first: DatabaseHandle;
let second: DatabaseHandle;

/** A second connection pool to the test database: what another platform instance would have. */
async function secondInstanceDatabase(handle: DatabaseHandle): Promise<DatabaseHandle> {
  const [row] = resultRows<{ name: string }>(await handle.db.execute(sql`select current_database() as name`));
  const url = new URL(postgresUrl as string);
  url.pathname = `/${row?.name}`;
  return openDatabase({ url: url.toString(), maxConnections: 10 });
}

interface Received {
  instance: string;
  subscriber: string;
  id: string;
  key: string;
  n: number;
}

/**
 * Two "platform instances": each its own pool and event system, with the same subscribers,
 * emitting concurrently. Returns what every handler saw.
 */
async function runTwoInstances(options: { nats: boolean; prefix: string }) {
  const Happened = defineEvent(uniqueEventName(), Payload);
  const received: Received[] = [];
  const systems: EventSystem[] = [];
  for (const [instance, handle] of [
    ['one', first],
    ['two', second],
  ] as const) {
    const logger = capturingLogger().logger;
    const system = createEventSystem({
      db: handle.db,
      logger,
      pollIntervalMs: 50,
      batchSize: 10,
      baseDelayMs: 0,
      ...(options.nats
        ? {
            transport: natsWakeTransport({
              url: natsUrl,
              stream: options.prefix,
              subject: `${options.prefix.toLowerCase()}.wake`,
              logger,
            }),
          }
        : {}),
    });
    for (const subscriber of [`${asSource(options.prefix)}:first`, `${asSource(options.prefix)}:second`]) {
      system.subscribe({
        subscriber,
        event: Happened,
        handler: async (e) => {
          received.push({ instance, subscriber, id: e.id, key: e.key, n: (e.payload as { n: number }).n });
          await new Promise((resolve) => setImmediate(resolve));
        },
      });
    }
    systems.push(system);
  }
  await Promise.all(systems.map((system) => system.start()));

  const emitted: { id: string; key: string; n: number }[] = [];
  let counter = 0;
  await Promise.all(
    [first, second].map(async (handle, index) => {
      const system = systems[index] as EventSystem;
      for (let i = 0; i < EVENTS_PER_INSTANCE; i += 1) {
        const key = KEYS[i % KEYS.length] as string;
        // One transaction per key at a time keeps emit order per key well defined across instances.
        await handle.db.transaction(async (tx) => {
          await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
          counter += 1;
          const n = counter;
          emitted.push({ id: await system.emit(tx, Happened, { n }, { key }), key, n });
        });
      }
    }),
  );
  const expected = emitted.length * 2;
  try {
    await eventually(async () => received.length >= expected, 30_000, `${expected} deliveries`);
    // Give a duplicate, if any were coming, the chance to show up.
    await Promise.all(systems.map((system) => system.drain()));
  } finally {
    await Promise.all(systems.map((system) => system.stop()));
  }
  return { emitted, received };
}

function expectEachDeliveredOncePerSubscriberInKeyOrder(
  emitted: { id: string; key: string; n: number }[],
  received: Received[],
  subscribers: string[],
) {
  for (const subscriber of subscribers) {
    const mine = received.filter((r) => r.subscriber === subscriber);
    expect(mine.map((r) => r.id).sort()).toEqual(emitted.map((e) => e.id).sort());
    for (const key of KEYS) {
      const ns = mine.filter((r) => r.key === key).map((r) => r.n);
      expect(ns).toEqual([...ns].sort((a, b) => a - b));
    }
  }
}

describe.runIf(postgresUrl)('two instances on one database (PostgreSQL only: needs two connection pools)', () => {
  beforeAll(async () => {
    first = await migratedTestDatabase();
    second = await secondInstanceDatabase(first);
  });
  afterAll(async () => {
    await deleteStreams();
    await second?.close();
    await first?.close();
  });

  it('deliver every event exactly once to each subscriber, in order per key, polling PostgreSQL only', async () => {
    const { emitted, received } = await runTwoInstances({ nats: false, prefix: 'POLL' });
    expect(emitted).toHaveLength(EVENTS_PER_INSTANCE * 2);
    expect(received).toHaveLength(emitted.length * 2);
    expectEachDeliveredOncePerSubscriberInKeyOrder(emitted, received, ['poll:first', 'poll:second']);
  });

  const natsTitle = natsUp
    ? `with NATS JetStream wake-ups (needs NATS at ${natsUrl})`
    : `with NATS JetStream wake-ups (skipped: no NATS server answers at ${natsUrl})`;
  describe.runIf(natsUp)(natsTitle, () => {
    it('deliver every event exactly once to each subscriber, in order per key', async () => {
      const prefix = testStream('RUN');
      const { emitted, received } = await runTwoInstances({ nats: true, prefix });
      expect(received).toHaveLength(emitted.length * 2);
      const source = asSource(prefix);
      expectEachDeliveredOncePerSubscriberInKeyOrder(emitted, received, [`${source}:first`, `${source}:second`]);
    });

    it('wake an idle instance that never polls when another instance fans an event out', async () => {
      const Happened = defineEvent(uniqueEventName(), Payload);
      const prefix = testStream('WAKE');
      const received: string[] = [];
      const make = (handle: DatabaseHandle) => {
        const logger = capturingLogger().logger;
        const transport = natsWakeTransport({
          url: natsUrl,
          stream: prefix,
          subject: `${prefix.toLowerCase()}.wake`,
          logger,
        });
        const system = createEventSystem({ db: handle.db, logger, pollIntervalMs: 3_600_000, transport });
        return { system, transport };
      };
      // The emitter knows no subscriber; the listener's subscriber is in core.event_subscriptions,
      // so the emitter's fan-out writes its delivery and then wakes it through NATS.
      const emitter = make(first);
      const listener = make(second);
      listener.system.subscribe({
        subscriber: `${asSource(prefix)}:listener`,
        event: Happened,
        handler: (e) => void received.push(e.id),
      });
      await listener.system.start();
      await emitter.system.start();
      await Promise.all([listener.transport.ready, emitter.transport.ready]);
      try {
        const id = await first.db.transaction((tx) => emitter.system.emit(tx, Happened, { n: 1 }));
        // Without the wake-up the listener would not look again for an hour.
        await eventually(async () => received.length === 1, 20_000, 'the NATS wake-up');
        expect(received).toEqual([id]);
      } finally {
        await emitter.system.stop();
        await listener.system.stop();
      }
    });
  });
});

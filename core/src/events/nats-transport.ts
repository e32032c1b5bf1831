import type { Logger } from 'pino';
import { uuidv7 } from '../ids/uuidv7.js';
import type { WakeTransport } from './transport.js';

export interface NatsTransportOptions {
  /** e.g. `nats://127.0.0.1:4222`; several servers comma-separated. */
  url: string;
  /** JetStream stream holding wake-ups (default `LIFELONG_EVENTS`); one per deployment. */
  stream?: string;
  /** Subject of wake-ups (default `lifelong.events.wake`); one per deployment. */
  subject?: string;
  /** Wait between connection attempts while NATS is unreachable at start (default 5 s). */
  retryMs?: number;
  logger: Logger;
}

// The nats client's types, loaded lazily: deployments without NATS never import it.
type Nats = typeof import('nats');
type NatsConnection = import('nats').NatsConnection;
type ConsumerMessages = import('nats').ConsumerMessages;

/**
 * Wake-ups over NATS JetStream. After an instance fans events out it publishes one small message
 * (no event data: only its instance id) to a short-lived, in-memory stream; every instance reads
 * the stream through its own ordered consumer and starts a round at once instead of waiting for
 * its next poll. Deliveries still go through PostgreSQL claims, so a lost or duplicated wake-up
 * changes latency only.
 */
export interface NatsWakeTransport extends WakeTransport {
  /** Resolves once connected and listening (never, while NATS is unreachable). */
  readonly ready: Promise<void>;
}

export function natsWakeTransport(options: NatsTransportOptions): NatsWakeTransport {
  const stream = options.stream ?? 'LIFELONG_EVENTS';
  const subject = options.subject ?? 'lifelong.events.wake';
  const retryMs = options.retryMs ?? 5_000;
  const logger = options.logger;
  const instance = uuidv7();
  const encoder = new TextEncoder();
  let nats: Nats | undefined;
  let connection: NatsConnection | undefined;
  let messages: ConsumerMessages | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let stopped = false;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  async function connectOnce(onWake: () => void): Promise<void> {
    nats ??= await import('nats');
    const nc = await nats.connect({
      servers: options.url.split(',').map((server) => server.trim()),
      name: 'lifelong-events',
      // Once connected, ride out NATS restarts; until then `start` retries on its own timer.
      reconnect: true,
      maxReconnectAttempts: -1,
    });
    if (stopped) {
      await nc.close();
      return;
    }
    connection = nc;
    const jsm = await nc.jetstreamManager();
    try {
      await jsm.streams.add({
        name: stream,
        subjects: [subject],
        storage: nats.StorageType.Memory,
        retention: nats.RetentionPolicy.Limits,
        discard: nats.DiscardPolicy.Old,
        max_age: nats.nanos(60_000),
        max_msgs: 10_000,
      });
    } catch (error) {
      // Another deployment version may have created it with other limits; any such stream will do.
      await jsm.streams.info(stream).catch(() => {
        throw error;
      });
    }
    const consumer = await nc.jetstream().consumers.get(stream, {
      filterSubjects: subject,
      deliver_policy: nats.DeliverPolicy.New,
    });
    const subscription = await consumer.consume();
    messages = subscription;
    void (async () => {
      for await (const message of subscription) {
        let from: unknown;
        try {
          from = (message.json() as { instance?: unknown }).instance;
        } catch {
          from = undefined;
        }
        if (from !== instance) onWake();
      }
    })().catch((error: unknown) => {
      if (!stopped) logger.warn({ err: { type: (error as Error)?.name } }, 'NATS wake-up consumer stopped');
    });
    logger.info({ stream, subject }, 'event wake-ups over NATS JetStream');
    markReady();
  }

  function scheduleConnect(onWake: () => void): void {
    connectOnce(onWake).catch(async (error: unknown) => {
      await connection?.close().catch(() => undefined);
      connection = undefined;
      if (stopped) return;
      logger.warn(
        { err: { type: (error as Error)?.name, code: (error as { code?: string })?.code }, retryMs },
        'NATS unavailable: events are delivered by polling until it is back',
      );
      retryTimer = setTimeout(() => scheduleConnect(onWake), retryMs);
      retryTimer.unref();
    });
  }

  return {
    ready,
    async start(onWake) {
      stopped = false;
      // Do not hold up start-up: PostgreSQL alone delivers everything, NATS only speeds it up.
      scheduleConnect(onWake);
    },
    notify() {
      const nc = connection;
      if (!nc || nc.isClosed()) return;
      nc.jetstream()
        .publish(subject, encoder.encode(JSON.stringify({ instance })))
        .catch((error: unknown) => logger.debug({ err: { type: (error as Error)?.name } }, 'NATS wake-up not sent'));
    },
    async stop() {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      await messages?.close().catch(() => undefined);
      const nc = connection;
      connection = undefined;
      if (nc && !nc.isClosed()) await nc.close().catch(() => undefined);
    },
  };
}

/** Whether a NATS server answers at `url` within `timeoutMs`: for tests and health checks. */
export async function natsReachable(url: string, timeoutMs = 1_000): Promise<boolean> {
  try {
    const { connect } = await import('nats');
    const nc = await connect({ servers: url, timeout: timeoutMs, reconnect: false });
    await nc.jetstreamManager();
    await nc.close();
    return true;
  } catch {
    return false;
  }
}

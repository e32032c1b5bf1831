import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy, retryDelay } from './backoff.js';
import {
  type ClaimedDelivery,
  claimDeliveries,
  committedEvents,
  completeDelivery,
  failDelivery,
  fanOut,
  loadEvents,
  registerSubscriptions,
} from './outbox-store.js';
import type { DeliveredEvent, RegisteredSubscription } from './subscriptions.js';
import type { WakeTransport } from './transport.js';

export interface DispatcherOptions extends Partial<RetryPolicy> {
  /** How often to look for work when nothing wakes the dispatcher (default 200 ms). */
  pollIntervalMs?: number;
  /** Events fanned out, and deliveries claimed, per round (default 50). */
  batchSize?: number;
  /**
   * How long a claimed delivery is reserved for this instance (default 5 minutes). A handler that
   * runs longer may be delivered a second time by another instance.
   */
  leaseMs?: number;
  transport?: WakeTransport | undefined;
}

// After a local emit: poll this often, for this long (see `emitted`).
const SETTLE_POLL_MS = 10;
const SETTLE_WINDOW_MS = 1_000;
const MAX_OWED_WAKE = 10_000;

interface DispatcherDeps {
  db: Database;
  logger: Logger;
  subscriptions: () => ReadonlyMap<string, RegisteredSubscription>;
}

/**
 * Moves committed events to their subscribers: fan-out (one delivery row per subscriber), then
 * delivery with retries. Rounds are serialised within the process; across processes, row claims
 * (SKIP LOCKED, leases) keep instances apart.
 */
export class Dispatcher {
  readonly #db: Database;
  readonly #logger: Logger;
  readonly #subscriptions: () => ReadonlyMap<string, RegisteredSubscription>;
  readonly #policy: RetryPolicy;
  readonly #pollIntervalMs: number;
  readonly #batchSize: number;
  readonly #leaseMs: number;
  readonly #transport: WakeTransport | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #registered = false;
  #running = false;
  #loop: Promise<void> | undefined;
  #wakeRequested = false;
  #wakeSleeper: (() => void) | undefined;
  #settleUntil = 0;
  /** Events fanned out at emit whose commit other instances have not been woken for yet. */
  readonly #owedWake = new Set<string>();

  constructor(deps: DispatcherDeps, options: DispatcherOptions = {}) {
    this.#db = deps.db;
    this.#logger = deps.logger;
    this.#subscriptions = deps.subscriptions;
    this.#policy = {
      maxAttempts: options.maxAttempts ?? DEFAULT_RETRY_POLICY.maxAttempts,
      baseDelayMs: options.baseDelayMs ?? DEFAULT_RETRY_POLICY.baseDelayMs,
      maxDelayMs: options.maxDelayMs ?? DEFAULT_RETRY_POLICY.maxDelayMs,
    };
    if (!Number.isInteger(this.#policy.maxAttempts) || this.#policy.maxAttempts < 1) {
      throw new TypeError('maxAttempts must be a positive integer');
    }
    this.#pollIntervalMs = options.pollIntervalMs ?? 200;
    this.#batchSize = options.batchSize ?? 50;
    this.#leaseMs = options.leaseMs ?? 5 * 60_000;
    this.#transport = options.transport;
  }

  get running(): boolean {
    return this.#running;
  }

  /** Whether this instance's subscribers are in `core.event_subscriptions` (emits may fan out). */
  get registered(): boolean {
    return this.#registered;
  }

  async start(): Promise<void> {
    if (this.#running) return;
    await this.#register();
    this.#running = true;
    await this.#transport?.start(() => this.wake());
    this.#loop = this.#runLoop();
  }

  /** Graceful: lets the current round (and its handlers) finish, then stops polling. */
  async stop(): Promise<void> {
    if (!this.#running) return;
    this.#running = false;
    this.#wakeSleeper?.();
    await this.#loop;
    await this.#transport?.stop();
  }

  /** Asks for a round now (e.g. after a dead letter was requeued). */
  wake(): void {
    this.#wakeRequested = true;
    this.#wakeSleeper?.();
  }

  /**
   * Called when this process emitted events. Their transaction has not committed yet, and nothing
   * tells us when it does, so besides a round now the dispatcher looks every few milliseconds for
   * a short while: a local event is then delivered within milliseconds of its commit, not a poll
   * interval later. `fannedOut` are events whose deliveries were written with them: once they are
   * visible (committed), other instances are woken through the transport, as after a fan-out round.
   */
  emitted(fannedOut: readonly string[] = []): void {
    this.#settleUntil = Date.now() + SETTLE_WINDOW_MS;
    if (this.#transport && fannedOut.length > 0) {
      for (const id of fannedOut) this.#owedWake.add(id);
      // Bounded: a wake-up is an optimisation (other instances poll anyway).
      if (this.#owedWake.size > MAX_OWED_WAKE) this.#owedWake.clear();
    }
    this.wake();
  }

  /**
   * Delivers everything deliverable now, retries included, and resolves when a round finds
   * nothing due. Deliveries scheduled for later (back-off) and those leased by other instances
   * are left alone.
   */
  async drain(): Promise<void> {
    await this.#register();
    await this.#exclusive(async () => {
      while ((await this.#round()) > 0) {
        // keep going until a round finds nothing
      }
    });
  }

  async #register(): Promise<void> {
    if (this.#registered) return;
    const subscriptions = [...this.#subscriptions().values()].map(({ subscriber, eventName }) => ({
      subscriber,
      eventName,
    }));
    await registerSubscriptions(this.#db, subscriptions);
    this.#registered = true;
  }

  #exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(work);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  async #runLoop(): Promise<void> {
    while (this.#running) {
      this.#wakeRequested = false;
      try {
        await this.#exclusive(async () => {
          while (this.#running && (await this.#round()) > 0) {
            // work until idle
          }
        });
      } catch (error) {
        // Typically the database is unreachable; the next round retries. No payloads here.
        this.#logger.error({ err: errorSummary(error) }, 'event dispatcher round failed');
      }
      if (this.#running && !this.#wakeRequested) await this.#sleep();
    }
  }

  #sleep(): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#wakeSleeper = undefined;
        resolve();
      };
      const settling = Date.now() < this.#settleUntil;
      const timer = setTimeout(done, settling ? Math.min(SETTLE_POLL_MS, this.#pollIntervalMs) : this.#pollIntervalMs);
      this.#wakeSleeper = done;
    });
  }

  /** One fan-out and one delivery batch; returns how much it did (0: idle). */
  async #round(): Promise<number> {
    const fanned = await fanOut(this.#db, this.#batchSize);
    if (fanned.deliveries > 0 || (await this.#committedOwedWake())) this.#transport?.notify();
    const subscriptions = this.#subscriptions();
    const claimed = await claimDeliveries(this.#db, [...subscriptions.keys()], {
      batchSize: this.#batchSize,
      leaseMs: this.#leaseMs,
    });
    if (claimed.length > 0) {
      const loaded = await loadEvents(this.#db, [...new Set(claimed.map((delivery) => delivery.eventId))]);
      const byId = new Map(loaded.map((event) => [event.id, event]));
      // Claimed deliveries are heads of distinct (subscriber, key) pairs: safe to run side by side.
      await Promise.all(
        claimed.map((delivery) => {
          const subscription = subscriptions.get(delivery.subscriber);
          const event = byId.get(delivery.eventId);
          if (!subscription || !event) return Promise.resolve();
          return this.#deliver(subscription, delivery, {
            id: event.id,
            name: event.name,
            key: event.key,
            regionId: event.regionId,
            payload: event.payload,
            createdAt: event.createdAt,
            attempt: delivery.attempts,
          });
        }),
      );
    }
    return fanned.events + claimed.length;
  }

  /** Whether any event owed a wake-up has committed since (those rolled back are given up later). */
  async #committedOwedWake(): Promise<boolean> {
    if (this.#owedWake.size === 0) return false;
    const committed = await committedEvents(this.#db, [...this.#owedWake]);
    for (const id of committed) this.#owedWake.delete(id);
    if (Date.now() >= this.#settleUntil) this.#owedWake.clear();
    return committed.length > 0;
  }

  async #deliver(
    subscription: RegisteredSubscription,
    delivery: ClaimedDelivery,
    event: DeliveredEvent,
  ): Promise<void> {
    const log = { eventId: event.id, event: event.name, subscriber: delivery.subscriber, attempt: event.attempt };
    let outcome: 'delivered' | 'skipped';
    try {
      const wanted = subscription.filter ? await subscription.filter(event) : true;
      if (wanted) await subscription.handler(event);
      outcome = wanted ? 'delivered' : 'skipped';
    } catch (error) {
      const delay = retryDelay(delivery.attempts, this.#policy);
      const kept = await failDelivery(this.#db, delivery, errorMessage(error), delay);
      if (!kept) this.#logger.warn(log, 'event delivery lease ran out before its handler failed');
      else if (delay === null) this.#logger.error({ ...log, err: errorSummary(error) }, 'event delivery dead-lettered');
      else
        this.#logger.warn({ ...log, err: errorSummary(error), retryInMs: delay }, 'event handler failed; will retry');
      return;
    }
    const kept = await completeDelivery(this.#db, delivery, outcome);
    if (!kept) this.#logger.warn(log, 'event delivery lease ran out before its handler finished; it may run again');
  }
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/**
 * What logs may say about a handler's error: its type and code, not its message, which may quote
 * personal data from the payload. The message is kept on the delivery row for admins.
 */
function errorSummary(error: unknown): { type: string; code?: string } {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  return { type: error.name, ...(typeof code === 'string' ? { code } : {}) };
}

import type { Logger } from 'pino';
import type { Database, Queryable } from '../db/database.js';
import { Dispatcher, type DispatcherOptions } from './dispatcher.js';
import { type EmitOptions, type EventItem, type WrittenEvents, writeEvents } from './emit.js';
import { EventConflict, EventSubscriptionInvalid, EventUnknown } from './errors.js';
import { type EventRef, isEventRef } from './event-ref.js';
import { natsWakeTransport } from './nats-transport.js';
import { type RegisteredSubscription, type Subscription, toRegistered } from './subscriptions.js';
import type { WakeTransport } from './transport.js';

export interface EventSystemOptions extends Omit<DispatcherOptions, 'transport'> {
  /** The database, or a function returning it (the platform opens it in `start()`). */
  db: Database | (() => Database);
  logger: Logger;
  /** Event refs `emit` accepts by name (refs passed to `emit` or `subscribe` are known anyway). */
  events?: readonly EventRef<unknown>[];
  /** NATS JetStream for cross-instance wake-ups; PostgreSQL polling alone when absent. */
  nats?: { url: string; stream?: string; subject?: string } | undefined;
  /** A custom wake-up transport (instead of `nats`). */
  transport?: WakeTransport;
}

export interface EventSystem {
  /**
   * Validates the payload and writes the event in `tx`; delivered only once `tx` commits. Takes
   * a ref, or the name of a known ref. Returns the event id.
   */
  emit<T>(tx: Queryable, event: EventRef<T>, payload: NoInfer<T>, options?: EmitOptions): Promise<string>;
  emit(tx: Queryable, event: string, payload: unknown, options?: EmitOptions): Promise<string>;
  /**
   * Many events of one kind in a few statements (bulk work), in order; all or nothing. Returns
   * their ids.
   */
  emitMany<T>(tx: Queryable, event: EventRef<T>, items: readonly EventItem<NoInfer<T>>[]): Promise<string[]>;
  /** Registers a handler; only before `start()`. */
  subscribe<T>(subscription: Subscription<T>): void;
  /** Starts delivering in the background. */
  start(): Promise<void>;
  /** Graceful: finishes the current round (running handlers included), then stops. */
  stop(): Promise<void>;
  /** Delivers everything due now, retries included; resolves when nothing due is left (tests). */
  drain(): Promise<void>;
  /** Asks the dispatcher for a round now (e.g. after requeueing a dead letter). */
  wake(): void;
  /** Every registered subscription's subscriber id and event name. */
  subscriptions(): { subscriber: string; event: string }[];
}

/**
 * The events module: the outbox (`emit`), subscriptions and the dispatcher. One per platform
 * instance; any number of instances may share a database.
 *
 * @example
 * const eventSystem = createEventSystem({ db, logger, nats: { url: 'nats://127.0.0.1:4222' } });
 * eventSystem.subscribe({ subscriber: 'credit-bank:award-on-completion', event: CourseCompleted, handler });
 * await eventSystem.start();
 * await db.transaction((tx) => eventSystem.emit(tx, CourseCompleted, { learnerId }, { key: learnerId }));
 */
export function createEventSystem(options: EventSystemOptions): EventSystem {
  const getDb = typeof options.db === 'function' ? options.db : () => options.db as Database;
  const known = new Map<string, EventRef<unknown>>();
  const subscriptions = new Map<string, RegisteredSubscription>();
  let frozen = false;
  let dispatcher: Dispatcher | undefined;

  const know = (ref: EventRef<unknown>) => {
    const existing = known.get(ref.name);
    if (existing && existing !== ref && existing.schema !== ref.schema) {
      throw EventConflict({ detail: `${ref.name} is defined twice with different schemas; share one defineEvent().` });
    }
    known.set(ref.name, existing ?? ref);
  };
  for (const ref of options.events ?? []) know(ref);

  const transport =
    options.transport ?? (options.nats ? natsWakeTransport({ ...options.nats, logger: options.logger }) : undefined);

  const getDispatcher = () => {
    frozen = true;
    dispatcher ??= new Dispatcher(
      { db: getDb(), logger: options.logger, subscriptions: () => subscriptions },
      { ...options, transport },
    );
    return dispatcher;
  };

  const wake = () => dispatcher?.wake();

  /** The ref of an event given by ref or by the name of a known ref. */
  const resolve = (event: EventRef<unknown> | string): EventRef<unknown> => {
    if (isEventRef(event)) {
      know(event);
      return event;
    }
    const ref = typeof event === 'string' ? known.get(event) : undefined;
    if (!ref) {
      throw EventUnknown({
        detail: `No event named ${JSON.stringify(event)} is defined here: emit its defineEvent() ref, or list it in "events".`,
      });
    }
    return ref;
  };

  /**
   * Fan out at emit time once this instance's own subscribers are in `core.event_subscriptions`
   * (the dispatcher registered them); before that, events wait for a fan-out round.
   */
  const write = async (tx: Queryable, ref: EventRef<unknown>, items: readonly EventItem<unknown>[]) => {
    const written = await writeEvents(tx, ref, items, { fanOut: dispatcher?.registered === true });
    emitted(written);
    return written.ids;
  };

  /** After the caller's (short) transaction has had a chance to commit; see Dispatcher#emitted. */
  const emitted = ({ ids, deliveries, waiting }: WrittenEvents) => {
    const current = dispatcher;
    if (!current?.running || (deliveries === 0 && waiting === 0)) return;
    setImmediate(() => current.emitted(deliveries > 0 ? ids : []));
  };

  return {
    async emit(tx: Queryable, event: EventRef<unknown> | string, payload: unknown, emitOptions?: EmitOptions) {
      const [id] = await write(tx, resolve(event), [{ payload, ...emitOptions }]);
      return id as string;
    },

    async emitMany(tx: Queryable, event: EventRef<unknown>, items: readonly EventItem<unknown>[]) {
      if (items.length === 0) return [];
      return write(tx, resolve(event), items);
    },

    subscribe(subscription) {
      if (frozen) {
        throw EventSubscriptionInvalid({
          detail: `Cannot subscribe ${subscription.subscriber} after the dispatcher started: subscribe during registration.`,
        });
      }
      const registered = toRegistered(subscription);
      if (subscriptions.has(registered.subscriber)) {
        throw EventSubscriptionInvalid({ detail: `Subscriber ${registered.subscriber} is registered twice.` });
      }
      if (isEventRef(subscription.event)) know(subscription.event as EventRef<unknown>);
      subscriptions.set(registered.subscriber, registered);
    },

    start: () => getDispatcher().start(),
    stop: async () => {
      await dispatcher?.stop();
    },
    drain: () => getDispatcher().drain(),
    wake,
    subscriptions: () =>
      [...subscriptions.values()].map(({ subscriber, eventName }) => ({ subscriber, event: eventName })),
  };
}

import { EventSubscriptionInvalid } from './errors.js';
import { assertEventName, type EventRef, isEventRef } from './event-ref.js';

/** What a handler receives. Handlers must be idempotent: the same event may arrive twice. */
export interface DeliveredEvent<T = unknown> {
  /** The event id (UUIDv7): the idempotency key for whatever the handler writes. */
  id: string;
  name: string;
  key: string;
  regionId: string | null;
  payload: T;
  createdAt: Date;
  /** 1 on the first attempt. */
  attempt: number;
}

export interface Subscription<T = unknown> {
  /**
   * A stable id, `<source>:<purpose>` (e.g. `credit-bank:award-on-completion`). Delivery state is
   * kept per subscriber id: renaming it starts a new subscriber that sees only new events.
   */
  subscriber: string;
  event: EventRef<T> | string;
  handler: (event: DeliveredEvent<T>) => unknown;
  /** Return false to skip an event (it counts as delivered), e.g. when disabled in its region. */
  filter?: (event: DeliveredEvent<T>) => boolean | Promise<boolean>;
}

export interface RegisteredSubscription {
  subscriber: string;
  eventName: string;
  handler: (event: DeliveredEvent) => unknown;
  filter: ((event: DeliveredEvent) => boolean | Promise<boolean>) | undefined;
}

const SUBSCRIBER_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*:[a-z0-9][a-z0-9._-]*$/;
const MAX_SUBSCRIBER_LENGTH = 200;

/** Checks a subscription and normalises it; throws `EVENT_SUBSCRIPTION_INVALID` or `EVENT_INVALID_NAME`. */
export function toRegistered<T>(subscription: Subscription<T>): RegisteredSubscription {
  const { subscriber, event, handler, filter } = subscription;
  if (
    typeof subscriber !== 'string' ||
    subscriber.length > MAX_SUBSCRIBER_LENGTH ||
    !SUBSCRIBER_PATTERN.test(subscriber)
  ) {
    throw EventSubscriptionInvalid({
      detail: `Subscriber id ${JSON.stringify(subscriber)} must be "<source>:<purpose>", e.g. "credit-bank:award-on-completion".`,
    });
  }
  const eventName = isEventRef(event) ? event.name : event;
  assertEventName(eventName);
  if (typeof handler !== 'function') {
    throw EventSubscriptionInvalid({ detail: `Subscriber ${subscriber} has no handler function.` });
  }
  if (filter !== undefined && typeof filter !== 'function') {
    throw EventSubscriptionInvalid({ detail: `The filter of subscriber ${subscriber} must be a function.` });
  }
  return {
    subscriber,
    eventName,
    handler: handler as RegisteredSubscription['handler'],
    filter: filter as RegisteredSubscription['filter'],
  };
}

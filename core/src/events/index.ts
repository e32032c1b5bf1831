// The events module's public API (re-exported by the package index).
export { DEFAULT_RETRY_POLICY, type RetryPolicy, retryDelay } from './backoff.js';
export { type DeadLetter, type DeadLetterQuery, listDeadLetters, requeueDeadLetter } from './dead-letters.js';
export type { DispatcherOptions } from './dispatcher.js';
export type { EmitOptions, EventItem } from './emit.js';
export {
  EventConflict,
  EventDeliveryNotFound,
  EventInvalidName,
  EventInvalidPayload,
  EventSubscriptionInvalid,
  EventUnknown,
} from './errors.js';
export {
  assertEventName,
  defineEvent,
  EVENT_NAME_PATTERN,
  type EventPayload,
  type EventRef,
  isEventRef,
} from './event-ref.js';
export { createEventSystem, type EventSystem, type EventSystemOptions } from './event-system.js';
export {
  type NatsTransportOptions,
  type NatsWakeTransport,
  natsReachable,
  natsWakeTransport,
} from './nats-transport.js';
export { type PruneOptions, pruneEvents } from './prune.js';
export { EVENTS_MANAGE_PERMISSION, type EventRoutesOptions, eventRoutes } from './routes.js';
export type { DeliveredEvent, Subscription } from './subscriptions.js';
export type { WakeTransport } from './transport.js';

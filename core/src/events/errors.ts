import { defineError } from '../errors/lifelong-error.js';

// The events module's error kinds; codes are stable (clients and docs rely on them).
export const EventInvalidName = defineError('EVENT_INVALID_NAME', 500, 'The event name is not valid');
export const EventInvalidPayload = defineError(
  'EVENT_INVALID_PAYLOAD',
  500,
  'The event payload does not match its schema',
);
export const EventUnknown = defineError('EVENT_UNKNOWN', 500, 'The event is not defined');
export const EventConflict = defineError('EVENT_CONFLICT', 500, 'Two different definitions share one event name');
export const EventSubscriptionInvalid = defineError('EVENT_SUBSCRIPTION_INVALID', 500, 'The subscription is not valid');
export const EventDeliveryNotFound = defineError('EVENT_DELIVERY_NOT_FOUND', 404, 'No such dead-lettered delivery');

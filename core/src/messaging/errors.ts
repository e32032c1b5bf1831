import { defineError } from '../errors/lifelong-error.js';

/** Extensions: `channel` (`email` or `phone`). */
export const DeliveryUnavailable = defineError(
  'DELIVERY_UNAVAILABLE',
  503,
  'This platform cannot send messages of this kind',
);

import { defineError } from '../errors/lifelong-error.js';

export const ErasureRequestNotFound = defineError('PRIVACY_ERASURE_REQUEST_NOT_FOUND', 404, 'No such erasure request');
export const ErasureAlreadyRequested = defineError(
  'PRIVACY_ERASURE_ALREADY_REQUESTED',
  409,
  'An erasure request for this person is waiting for a decision',
);
export const ErasureDecided = defineError(
  'PRIVACY_ERASURE_DECIDED',
  409,
  'This erasure request has already been decided or cancelled',
);
/** Extensions: `reason` — `guardianOfMinors` (their minors would be left without this guardian). */
export const ErasureBlocked = defineError('PRIVACY_ERASURE_BLOCKED', 409, 'This person cannot be erased yet');

import { defineError } from './lifelong-error.js';

// The HTTP shell's own error kinds. Each code is stable: clients and docs/errors.md rely on it.
export const ValidationFailed = defineError('VALIDATION_FAILED', 400, 'The request is not valid');
export const MalformedJson = defineError('MALFORMED_JSON', 400, 'The request body is not valid JSON');
export const Unauthenticated = defineError('UNAUTHENTICATED', 401, 'Authentication is required');
export const Forbidden = defineError('FORBIDDEN', 403, 'You may not do this');
export const NotFound = defineError('NOT_FOUND', 404, 'Not found');
export const MethodNotAllowed = defineError('METHOD_NOT_ALLOWED', 405, 'Method not allowed');
export const PayloadTooLarge = defineError('PAYLOAD_TOO_LARGE', 413, 'The request body is too large');
export const UnsupportedMediaType = defineError(
  'UNSUPPORTED_MEDIA_TYPE',
  415,
  'The request body must be application/json',
);
export const RangeNotSatisfiable = defineError(
  'RANGE_NOT_SATISFIABLE',
  416,
  'The requested range is not within the file',
);
export const RateLimited = defineError('RATE_LIMITED', 429, 'Too many requests');
export const RequestTimedOut = defineError('REQUEST_TIMED_OUT', 503, 'The request took too long');
export const ServiceUnavailable = defineError('SERVICE_UNAVAILABLE', 503, 'The service is unavailable');
export const InternalError = defineError('INTERNAL_ERROR', 500, 'Internal server error');
export const IdempotencyKeyReused = defineError(
  'IDEMPOTENCY_KEY_REUSED',
  422,
  'The Idempotency-Key was already used for a different request',
);
export const IdempotencyKeyInProgress = defineError(
  'IDEMPOTENCY_KEY_IN_PROGRESS',
  409,
  'A request with this Idempotency-Key is still being processed',
);

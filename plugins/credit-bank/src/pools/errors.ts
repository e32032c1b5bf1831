import { defineError } from '../shared/error-kind.js';

export const NotAPoolManager = defineError(
  'CREDIT_BANK_NOT_A_POOL_MANAGER',
  403,
  "Only the group's managing members spend its pool",
);
export const SpendRequestNotFound = defineError('CREDIT_BANK_SPEND_REQUEST_NOT_FOUND', 404, 'No such spend request');
export const SpendRequestClosed = defineError(
  'CREDIT_BANK_SPEND_REQUEST_CLOSED',
  409,
  'The spend request was already executed',
);
export const AlreadyApproved = defineError(
  'CREDIT_BANK_ALREADY_APPROVED',
  409,
  'You already approved this spend request',
);

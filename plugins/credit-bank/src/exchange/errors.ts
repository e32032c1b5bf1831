import { defineError } from '../shared/error-kind.js';

export const RedemptionNotFound = defineError('CREDIT_BANK_REDEMPTION_NOT_FOUND', 404, 'No such redemption');
export const RedemptionNotHeld = defineError(
  'CREDIT_BANK_REDEMPTION_NOT_HELD',
  409,
  'The redemption was already delivered, cancelled or expired',
);
export const RedemptionNotAwaitingApproval = defineError(
  'CREDIT_BANK_REDEMPTION_NOT_AWAITING_APPROVAL',
  409,
  "The redemption is not waiting for a guardian's approval",
);

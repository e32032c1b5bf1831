import { defineError } from '../shared/error-kind.js';

export const ResourceNotFound = defineError('CREDIT_BANK_RESOURCE_NOT_FOUND', 404, 'No such resource in this region');
export const OutOfStock = defineError('CREDIT_BANK_OUT_OF_STOCK', 409, 'The resource is out of stock');
export const ResourceWithdrawn = defineError('CREDIT_BANK_RESOURCE_WITHDRAWN', 409, 'The resource is withdrawn');
export const VouchersNotAccepted = defineError(
  'CREDIT_BANK_VOUCHERS_NOT_ACCEPTED',
  422,
  'Vouchers pay only for learning resources (course, learning-voucher, book)',
);
export const RedemptionNotFound = defineError('CREDIT_BANK_REDEMPTION_NOT_FOUND', 404, 'No such redemption');
export const RedemptionNotHeld = defineError(
  'CREDIT_BANK_REDEMPTION_NOT_HELD',
  409,
  'The redemption was already delivered, cancelled or expired',
);

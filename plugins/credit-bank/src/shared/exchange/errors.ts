import { defineError } from '../error-kind.js';

// What redeeming a resource can refuse, for the exchange and for pools spending on it.
export const ResourceNotFound = defineError('CREDIT_BANK_RESOURCE_NOT_FOUND', 404, 'No such resource in this region');
export const OutOfStock = defineError('CREDIT_BANK_OUT_OF_STOCK', 409, 'The resource is out of stock');
export const ResourceWithdrawn = defineError('CREDIT_BANK_RESOURCE_WITHDRAWN', 409, 'The resource is withdrawn');
export const VouchersNotAccepted = defineError(
  'CREDIT_BANK_VOUCHERS_NOT_ACCEPTED',
  422,
  'Vouchers pay only for learning resources (course, learning-voucher, book)',
);

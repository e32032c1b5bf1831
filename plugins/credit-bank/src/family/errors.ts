import { defineError } from '../shared/error-kind.js';

export const NotAFamily = defineError('CREDIT_BANK_NOT_A_FAMILY', 422, 'Family transfers happen in family groups only');
export const SenderRoleNotAllowed = defineError(
  'CREDIT_BANK_FAMILY_SENDER_ROLE',
  403,
  'Only elders and parents convert points for younger family members',
);
export const ReceiverNotYounger = defineError(
  'CREDIT_BANK_FAMILY_RECEIVER_NOT_YOUNGER',
  422,
  'The receiver must belong to a younger generation of the family (elder → parent or child, parent → child)',
);
export const InexactConversion = defineError(
  'CREDIT_BANK_FAMILY_INEXACT_CONVERSION',
  422,
  'These points do not convert into a whole number of vouchers at the region’s rate',
);
export const AnnualCapExceeded = defineError(
  'CREDIT_BANK_FAMILY_CAP_EXCEEDED',
  409,
  'This transfer would pass the annual cap of family conversions',
);

import { defineError } from '@lifelong/core';

// Errors shared by the wallet, exchange, family and pools features. Codes are stable once published.
export const PeopleOnly = defineError('CREDIT_BANK_PEOPLE_ONLY', 403, 'Only a signed-in person may do this');
export const InsufficientFunds = defineError(
  'CREDIT_BANK_INSUFFICIENT_FUNDS',
  409,
  'The paying account does not hold enough for this',
);
export const LedgerRefused = defineError('CREDIT_BANK_LEDGER_REFUSED', 409, 'The ledger refused the transfer');
export const MinorCannotSend = defineError(
  'CREDIT_BANK_MINOR_CANNOT_SEND',
  403,
  'Minors can receive points and vouchers but never send them',
);
export const GroupNotFound = defineError('CREDIT_BANK_GROUP_NOT_FOUND', 404, 'No such group in this region');
export const NotAGroupMember = defineError(
  'CREDIT_BANK_NOT_A_GROUP_MEMBER',
  403,
  'Only members of the group may do this',
);

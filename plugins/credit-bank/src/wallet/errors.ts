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

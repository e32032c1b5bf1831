import { defineError } from '@lifelong/core';

// The credit bank's error kinds, shared by its features. Codes are stable once published.
export const PeopleOnly = defineError('CREDIT_BANK_PEOPLE_ONLY', 403, 'Only a signed-in person may do this');
export const PersonNotFound = defineError('CREDIT_BANK_PERSON_NOT_FOUND', 404, 'No such person');
export const PersonNotVerified = defineError(
  'CREDIT_BANK_PERSON_NOT_VERIFIED',
  409,
  'Credits are awarded to verified people only',
);
export const RecordNotFound = defineError('CREDIT_BANK_RECORD_NOT_FOUND', 404, 'No such learning record');
export const RecordAlreadyWithdrawn = defineError(
  'CREDIT_BANK_RECORD_WITHDRAWN',
  409,
  'The learning record is already withdrawn',
);
export const LedgerRefused = defineError('CREDIT_BANK_LEDGER_REFUSED', 409, 'The ledger refused the transfer');

import { defineError } from '@lifelong/core/contract';

export const NoActiveRecords = defineError(
  'CREDENTIALS_NO_ACTIVE_RECORDS',
  409,
  'The person has no active records to put in a transcript',
);
export const RecordWithdrawnError = defineError(
  'CREDENTIALS_RECORD_WITHDRAWN',
  409,
  'The record was withdrawn: no credential is issued for it',
);

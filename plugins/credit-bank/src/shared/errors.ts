import { defineError } from './error-kind.js';

// The credit bank's error kinds used by more than one feature. Codes are stable once published.
// Server-free (contracts list them): only the `defineError` seam below.

// Points: the wallet, exchange, family and pools.
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

// Recording, recognition and import errors (records, providers, recognition and imports share them).
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
export const ProviderNotFound = defineError('CREDIT_BANK_PROVIDER_NOT_FOUND', 404, 'No such provider accreditation');
export const CertificateNotFound = defineError('CREDIT_BANK_CERTIFICATE_NOT_FOUND', 404, 'No such certificate');
export const CertificateNotPending = defineError(
  'CREDIT_BANK_CERTIFICATE_NOT_PENDING',
  409,
  'The certificate is not waiting for this step',
);
export const EvidenceAlreadyCredited = defineError(
  'CREDIT_BANK_EVIDENCE_ALREADY_CREDITED',
  409,
  'This certificate has already been credited',
);
export const EvidenceTypeMismatch = defineError(
  'CREDIT_BANK_EVIDENCE_TYPE_MISMATCH',
  415,
  'The file is not what its Content-Type says',
);
export const EvidenceTooLarge = defineError('CREDIT_BANK_EVIDENCE_TOO_LARGE', 413, 'The evidence file is too large');
export const ImportNotFound = defineError('CREDIT_BANK_IMPORT_NOT_FOUND', 404, 'No such import');

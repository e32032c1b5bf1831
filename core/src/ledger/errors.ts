import { defineError } from '../errors/lifelong-error.js';

// The ledger's error kinds (docs/errors.md, docs/ledger.md). Per-transfer outcomes are result
// codes, not errors: these are for requests that cannot be processed at all.
export const LedgerBatchInvalid = defineError('LEDGER_BATCH_INVALID', 400, 'The transfer batch is not valid');
export const LedgerAssetNotFound = defineError('LEDGER_ASSET_NOT_FOUND', 400, 'Unknown asset');
export const LedgerAccountNotFound = defineError('LEDGER_ACCOUNT_NOT_FOUND', 404, 'Ledger account not found');
export const LedgerAccountHasPending = defineError(
  'LEDGER_ACCOUNT_HAS_PENDING',
  409,
  'The account has pending transfers; post or void them before closing it',
);
export const LedgerTransferNotFound = defineError('LEDGER_TRANSFER_NOT_FOUND', 404, 'Transfer not found');
export const LedgerBusy = defineError(
  'LEDGER_BUSY',
  503,
  'The ledger could not commit because of contention; retry the request',
);
export const LedgerTransferForbidden = defineError(
  'LEDGER_TRANSFER_FORBIDDEN',
  403,
  'Not allowed to debit these accounts; nothing of the batch was applied',
);
export const LedgerAccountForbidden = defineError('LEDGER_ACCOUNT_FORBIDDEN', 403, 'Not allowed to open this account');
export const LedgerAccountsForbidden = defineError(
  'LEDGER_ACCOUNTS_FORBIDDEN',
  403,
  "Not allowed to list this owner's accounts",
);

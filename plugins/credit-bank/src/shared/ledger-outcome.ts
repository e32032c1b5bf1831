import type { FailedTransfer, TransferOrThrowOptions } from '@lifelong/core';
import { InsufficientFunds, LedgerRefused } from './errors.js';

/** `CREDIT_BANK_LEDGER_REFUSED` (409) for a transfer the ledger refused, with its `reason`. */
export const ledgerRefused = (what: string, failed: FailedTransfer) =>
  LedgerRefused({ detail: `${what}: the ledger answered "${failed.status}".`, extensions: { reason: failed.status } });

/**
 * The credit bank's refusals for `ctx.ledger.transferOrThrow`: a balance too low is
 * `CREDIT_BANK_INSUFFICIENT_FUNDS`, any other refusal `CREDIT_BANK_LEDGER_REFUSED` (both 409, with
 * the ledger's `reason`), so clients keep the codes they already switch on.
 */
export const ledgerErrors = (what: string): TransferOrThrowOptions => ({
  what,
  insufficientFunds: (failed) =>
    InsufficientFunds({
      detail: `${what}: the paying account's balance is too low.`,
      extensions: { reason: failed.status },
    }),
  refused: (failed) => ledgerRefused(what, failed),
});

import type { LifelongError } from '../errors/lifelong-error.js';
import type { TransferResult } from '../ledger/types.js';
import { LedgerInsufficientFunds, LedgerTransferRefused } from './errors.js';

/** The transfer that decided a batch's failure, and why. */
export interface FailedTransfer {
  id: string;
  status: TransferResult['status'];
}

/** How a plugin turns a refused batch into its own problems (keeps its error codes). */
export interface TransferOrThrowOptions {
  /** What was being paid or moved, for the problem's detail (e.g. "Course payment"). */
  what?: string;
  insufficientFunds?: (failed: FailedTransfer) => LifelongError;
  refused?: (failed: FailedTransfer) => LifelongError;
}

/**
 * The transfer that broke a batch, or null when every one was applied. `exists` is an idempotent
 * replay of the same transfer and counts as applied; in a linked chain the member that broke
 * reports its reason and the others `linkedEventFailed`, so the former is the one to name.
 */
export function failedTransfer(results: readonly TransferResult[]): FailedTransfer | null {
  const failed = results.filter((r) => r.status !== 'created' && r.status !== 'exists');
  const cause = failed.find((r) => r.status !== 'linkedEventFailed') ?? failed[0];
  return cause ? { id: cause.id, status: cause.status } : null;
}

/** Throws the problem for a refused batch; the request's transaction then rolls back whole. */
export function throwUnlessApplied(results: readonly TransferResult[], options: TransferOrThrowOptions = {}): void {
  const failed = failedTransfer(results);
  if (!failed) return;
  const what = options.what ?? 'The transfer';
  const extensions = { reason: failed.status, transferId: failed.id };
  if (failed.status === 'exceedsCredits') {
    throw (
      options.insufficientFunds?.(failed) ??
      LedgerInsufficientFunds({ detail: `${what}: the paying account's balance is too low.`, extensions })
    );
  }
  throw (
    options.refused?.(failed) ??
    LedgerTransferRefused({ detail: `${what}: the ledger answered "${failed.status}".`, extensions })
  );
}

import type { TransferResult } from '@lifelong/core';
import { InsufficientFunds, LedgerRefused } from './errors.js';

/**
 * `ctx.ledger.transfer` reports failures as statuses instead of throwing; this throws them as
 * problems so the whole request (rows, stock, the other transfers) rolls back. `exists` is an
 * idempotent replay of the same transfer and counts as success.
 */
export function requireApplied(results: readonly TransferResult[], what: string): void {
  const failed = results.filter((r) => r.status !== 'created' && r.status !== 'exists');
  if (failed.length === 0) return;
  // In a linked chain the member that broke reports its reason, the others `linkedEventFailed`.
  const reason = failed.find((r) => r.status !== 'linkedEventFailed')?.status ?? failed[0]?.status;
  if (reason === 'exceedsCredits') {
    throw InsufficientFunds({ detail: `${what}: the paying account's balance is too low.`, extensions: { reason } });
  }
  throw LedgerRefused({ detail: `${what}: the ledger answered "${reason}".`, extensions: { reason } });
}

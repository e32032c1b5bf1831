import type { Queryable } from '../../db/database.js';
import { checkBookkeeping } from '../verify.js';

/**
 * Throws unless the ledger's invariants hold: per asset Σ debits = Σ credits, no account breaks
 * its flags, stored totals equal the fold of entries (with contiguous versions and running
 * balances), every entry matches its transfer. For `afterEach` in any test that posts.
 *
 * @example
 * afterEach(() => assertLedgerInvariants(t.platform.database.db));
 */
export async function assertLedgerInvariants(q: Queryable): Promise<void> {
  const violation = await checkBookkeeping(q);
  if (violation) throw new Error(`Ledger invariant violated: ${violation}`);
}

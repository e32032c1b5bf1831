import { sql } from 'drizzle-orm';
import { type Queryable, resultRows } from '../../db/database.js';
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

/**
 * Transfers whose recorded actor could never have debited their debit account under the ledger
 * policy (policy.ts), whatever roles the actor held: a caller acting directly on a plugin's
 * books or on another person's account, a key on a person's account, a plugin on another
 * plugin's books or, on its own, on a person's account other than to return units to issuance.
 * Checked by `createTestPlatform().close()` after every test file.
 */
export async function actorViolations(q: Queryable): Promise<string[]> {
  const rows = resultRows<{ id: string; actor_type: string; actor_id: string | null; owner: string }>(
    await q.execute(sql`
      select t.id, t.actor_type, t.actor_id, a.owner_type || ':' || coalesce(a.owner_id, '') as owner
      from core.ledger_transfers t
      join core.ledger_accounts a on a.id = t.debit_account_id
      left join core.ledger_accounts c on c.id = t.credit_account_id
      where t.kind in ('posted', 'pending') and (
        (t.actor_plugin is null and t.actor_type in ('person', 'apiKey') and a.owner_type = 'plugin')
        or (t.actor_plugin is not null and a.owner_type = 'plugin' and a.owner_id <> t.actor_plugin)
        or (t.actor_type = 'person' and a.owner_type = 'person' and a.owner_id <> t.actor_id
            and (t.actor_plugin is null or c.kind is distinct from 'issuance'))
        or (t.actor_type = 'apiKey' and t.actor_plugin is null and a.owner_type in ('person', 'group'))
        or (t.actor_type = 'plugin' and a.owner_type in ('person', 'group') and c.kind is distinct from 'issuance')
      )
      limit 20`),
  );
  return rows.map((r) => `transfer ${r.id} by ${r.actor_type}:${r.actor_id ?? ''} debited ${r.owner}`);
}

/** Throws when `actorViolations` finds any. */
export async function assertActorInvariants(q: Queryable): Promise<void> {
  const found = await actorViolations(q);
  if (found.length > 0) throw new Error(`Ledger actor invariant violated:\n  ${found.join('\n  ')}`);
}

import { and, eq } from 'drizzle-orm';
import { anyUuid } from '../db/any-uuid.js';
import type { Queryable } from '../db/database.js';
import type { TransferActor } from './actor.js';
import type { AccountFacts, PendingFacts } from './policy.js';
import { ledgerAccounts, ledgerTransfers } from './schema.js';
import type { OwnerType } from './types.js';

/**
 * Accounts' owners, assets, kinds and balance flags, cached for the life of the process: none of
 * them changes once an account is opened, so the policy costs no query for accounts seen before
 * (a hot path: every batch of every caller but the system's).
 */
export class AccountFactsCache {
  private readonly facts = new Map<string, AccountFacts>();

  async load(q: Queryable, ids: Iterable<string>): Promise<Map<string, AccountFacts>> {
    const wanted = [...new Set(ids)];
    const unknown = wanted.filter((id) => !this.facts.has(id));
    if (unknown.length > 0) {
      if (this.facts.size > 100_000) this.facts.clear();
      const rows = await q
        .select({
          id: ledgerAccounts.id,
          asset: ledgerAccounts.asset,
          ownerType: ledgerAccounts.ownerType,
          ownerId: ledgerAccounts.ownerId,
          kind: ledgerAccounts.kind,
          bounded: ledgerAccounts.debitsMustNotExceedCredits,
        })
        .from(ledgerAccounts)
        .where(anyUuid(ledgerAccounts.id, unknown));
      for (const r of rows) {
        this.facts.set(r.id, {
          id: r.id,
          asset: r.asset,
          owner: { type: r.ownerType as OwnerType, id: r.ownerId },
          kind: r.kind as AccountFacts['kind'],
          unbounded: !r.bounded,
        });
      }
    }
    const out = new Map<string, AccountFacts>();
    for (const id of wanted) {
      const found = this.facts.get(id);
      if (found) out.set(id, found);
    }
    return out;
  }
}

/** Committed pending transfers by id, with their debit account and who reserved them. */
export async function loadPendingFacts(q: Queryable, ids: readonly string[]): Promise<Map<string, PendingFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await q
    .select({
      id: ledgerTransfers.id,
      debitAccountId: ledgerTransfers.debitAccountId,
      actorType: ledgerTransfers.actorType,
      actorId: ledgerTransfers.actorId,
      actorPlugin: ledgerTransfers.actorPlugin,
      requestId: ledgerTransfers.requestId,
    })
    .from(ledgerTransfers)
    .where(and(anyUuid(ledgerTransfers.id, ids), eq(ledgerTransfers.kind, 'pending')));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        debitAccountId: r.debitAccountId,
        actor: {
          type: r.actorType as TransferActor['type'],
          id: r.actorId,
          plugin: r.actorPlugin,
          requestId: r.requestId,
        },
      },
    ]),
  );
}

import { asc, sql } from 'drizzle-orm';
import { anyUuid } from '../db/any-uuid.js';
import { plainArray, textArray } from '../db/array-literal.js';
import type { Queryable, Transaction } from '../db/database.js';
import { resultRows } from '../db/database.js';
import { isUuid } from '../ids/uuid.js';
import type { TransferActor } from './actor.js';
import { type AccountState, type Decision, decide, type PendingRow } from './decide.js';
import { ledgerAccounts, ledgerPendingTransfers, ledgerTransfers } from './schema.js';
import type { PendingState, TransferInput, TransferKind } from './types.js';

const SYSTEM: TransferActor = { type: 'system', id: null, plugin: null, requestId: null };

/**
 * Which accounts are split into shards (hot accounts). Shards never change after an asset is
 * registered, so answers are cached for the life of the process, unsharded ones included.
 */
export class ShardDirectory {
  private readonly shards = new Map<string, string[]>();
  private counter = Math.floor(Math.random() * 1024);

  async load(q: Queryable, accountIds: Iterable<string>): Promise<void> {
    const unknown = [...accountIds].filter((id) => !this.shards.has(id));
    if (unknown.length === 0) return;
    if (this.shards.size > 100_000) this.shards.clear();
    const rows = await q
      .select({ id: ledgerAccounts.id, shardOf: ledgerAccounts.shardOf })
      .from(ledgerAccounts)
      .where(anyUuid(ledgerAccounts.shardOf, unknown));
    for (const id of unknown) this.shards.set(id, [id]);
    for (const row of rows) if (row.shardOf) this.shards.get(row.shardOf)?.push(row.id);
  }

  /** All rows of an account (itself first, then its shards). */
  rowsOf(accountId: string): string[] {
    return this.shards.get(accountId) ?? [accountId];
  }

  /** One shard per account per transaction: concurrent transactions then spread over shards. */
  router(): (accountId: string) => string {
    const chosen = new Map<string, string>();
    return (accountId) => {
      let id = chosen.get(accountId);
      if (!id) {
        const rows = this.rowsOf(accountId);
        id = rows.length === 1 ? accountId : (rows[this.counter++ % rows.length] as string);
        chosen.set(accountId, id);
      }
      return id;
    };
  }
}

export interface ExecuteRequest {
  groups: readonly (readonly TransferInput[])[];
  /** `requestHash` of each transfer of `groups`, computed ahead: a batch holding locks only decides and writes. */
  fingerprints: readonly (readonly string[])[];
  /** Who posts each request of `groups`, stored with its transfers. */
  actors: readonly TransferActor[];
  /** Pending transfers to expire first (the sweeper). */
  expire?: readonly string[];
}

async function loadPendings(q: Queryable, ids: string[]): Promise<PendingRow[]> {
  if (ids.length === 0) return [];
  const rows = await q
    .select({
      transferId: ledgerPendingTransfers.transferId,
      debitAccountId: ledgerPendingTransfers.debitAccountId,
      creditAccountId: ledgerPendingTransfers.creditAccountId,
      amount: ledgerPendingTransfers.amount,
      expiresAt: ledgerPendingTransfers.expiresAt,
      state: ledgerPendingTransfers.state,
    })
    .from(ledgerPendingTransfers)
    .where(anyUuid(ledgerPendingTransfers.transferId, ids));
  return rows.map((row) => ({ ...row, state: row.state as PendingState }));
}

/**
 * Applies transfer batches inside `tx`: reads and locks what they touch (accounts in id order,
 * so concurrent batches cannot deadlock on each other), decides every outcome in memory, then
 * writes everything with a few set-based statements. Rows that fail are not written at all.
 */
export async function execute(
  tx: Transaction,
  shards: ShardDirectory,
  request: ExecuteRequest,
  /** Statements of the caller's to run alongside the writes (pipelined on the connection). */
  alongside?: (decision: Decision) => Promise<void> | void,
): Promise<Decision> {
  const transferIds = new Set<string>();
  const pendingIds = new Set<string>(request.expire ?? []);
  const accountIds = new Set<string>();
  for (const group of request.groups) {
    for (const t of group) {
      transferIds.add(t.id);
      if (isUuid(t.pendingId)) pendingIds.add(t.pendingId);
      if (isUuid(t.debitAccountId)) accountIds.add(t.debitAccountId);
      if (isUuid(t.creditAccountId)) accountIds.add(t.creditAccountId);
    }
  }

  // Independent statements are issued together: postgres.js pipelines them on the
  // transaction's connection, so a transaction costs a few round trips, not one per statement.
  // Statements whose order matters are awaited one after the other.
  // Unlocked first read: only to learn which accounts the referenced pending transfers hold.
  const [before] = await Promise.all([loadPendings(tx, [...pendingIds]), shards.load(tx, accountIds)]);
  const route = shards.router();
  const lockIds = new Set<string>();
  for (const id of accountIds) lockIds.add(route(id));
  for (const p of before) lockIds.add(p.debitAccountId).add(p.creditAccountId);

  // The lock, the idempotency lookup and (when needed) the clock go out together, in this order:
  // the lookup runs once the locks are held, so a concurrent creator of the same request (same
  // accounts, same locks) has committed by then and the answer is `exists`, not a decision made
  // on the balance it spent. A creator of the same id with other accounts may still commit after
  // the lookup: our insert then fails with a unique violation, and the retry (runInTransaction)
  // answers `existsWithDifferentFields`.
  const existingIds = [...transferIds, ...pendingIds];
  const [locked, existingRows, nowRows] = await Promise.all([
    lockIds.size === 0
      ? []
      : tx
          .select({
            id: ledgerAccounts.id,
            asset: ledgerAccounts.asset,
            shardOf: ledgerAccounts.shardOf,
            debitsMustNotExceedCredits: ledgerAccounts.debitsMustNotExceedCredits,
            creditsMustNotExceedDebits: ledgerAccounts.creditsMustNotExceedDebits,
            closed: ledgerAccounts.closed,
            debitsPending: ledgerAccounts.debitsPending,
            debitsPosted: ledgerAccounts.debitsPosted,
            creditsPending: ledgerAccounts.creditsPending,
            creditsPosted: ledgerAccounts.creditsPosted,
            version: ledgerAccounts.version,
          })
          .from(ledgerAccounts)
          .where(anyUuid(ledgerAccounts.id, lockIds))
          .orderBy(asc(ledgerAccounts.id))
          .for('update'),
    existingIds.length === 0
      ? []
      : tx
          .select({ id: ledgerTransfers.id, requestHash: ledgerTransfers.requestHash, kind: ledgerTransfers.kind })
          .from(ledgerTransfers)
          .where(anyUuid(ledgerTransfers.id, existingIds)),
    // The database clock decides only whether a referenced pending transfer has expired.
    pendingIds.size === 0 ? null : tx.execute(sql`select (extract(epoch from now()) * 1000)::float8 as now`),
  ]);
  // Pending state must be read once the locks are held: every resolution of a pending transfer
  // holds its accounts' locks, so this read cannot be stale.
  // A pending transfer committed after the first read holds accounts we did not lock: for this
  // batch it does not exist yet (`pendingTransferNotFound`).
  const pendingRows = (before.length > 0 ? await loadPendings(tx, [...pendingIds]) : []).filter(
    (p) => lockIds.has(p.debitAccountId) && lockIds.has(p.creditAccountId),
  );
  const accounts = new Map<string, AccountState>(locked.map((a) => [a.id, a]));
  const now = nowRows ? new Date(Number(resultRows<{ now: number | string }>(nowRows)[0]?.now)) : new Date();

  const decision = decide({
    groups: request.groups,
    fingerprints: request.fingerprints,
    accounts,
    route,
    existing: new Map(existingRows.map((r) => [r.id, { requestHash: r.requestHash, kind: r.kind as TransferKind }])),
    pendings: new Map(pendingRows.map((p) => [p.transferId, p])),
    expire: request.expire ?? [],
    now,
  });
  // Issued together, the writes and the caller's statements (the events outbox) cost one wait for
  // the database instead of two while the batch holds its account locks.
  await Promise.all([write(tx, decision, accounts, request.actors), alongside?.(decision)]);
  return decision;
}

/**
 * Writes a decision with one statement: every table's rows go as column arrays (one text
 * parameter per column) into data-modifying CTEs, so a batch of any size is one prepared
 * statement and one round trip. The CTEs do not depend on each other's order: a pending transfer
 * created and resolved in the same batch is inserted resolved.
 */
async function write(
  tx: Transaction,
  d: Decision,
  accounts: Map<string, AccountState>,
  actors: readonly TransferActor[],
): Promise<void> {
  if (d.transfers.length === 0 && d.entries.length === 0 && d.resolutions.length === 0) return;
  const t = d.transfers;
  const actorOf = (r: (typeof t)[number]) => actors[r.group] ?? SYSTEM;
  const e = d.entries;
  const changed = [...d.dirty].map((id) => accounts.get(id) as AccountState);
  const created = new Set(d.newPendings.map((p) => p.transferId));
  const resolvedNow = new Map(d.resolutions.filter((r) => created.has(r.transferId)).map((r) => [r.transferId, r]));
  const resolutions = d.resolutions.filter((r) => !created.has(r.transferId));
  const pendings = d.newPendings;
  const [result] = resultRows<{ resolved: number }>(
    await tx.execute(sql`
      with transfers as (
        insert into core.ledger_transfers
          (id, debit_account_id, credit_account_id, amount, asset, code, kind, linked, pending_id,
           timeout_seconds, metadata, request_hash, created_at, actor_type, actor_id, actor_plugin, request_id)
        select x.id, x.debit, x.credit, x.amount, x.asset, x.code, x.kind, x.linked, x.pending_id,
               x.timeout_seconds, x.metadata, x.request_hash, now(), x.actor_type, x.actor_id, x.actor_plugin,
               x.request_id
        from unnest(
          ${plainArray(t.map((r) => r.id))}::uuid[], ${plainArray(t.map((r) => r.debitAccountId))}::uuid[],
          ${plainArray(t.map((r) => r.creditAccountId))}::uuid[], ${plainArray(t.map((r) => r.amount))}::bigint[],
          ${textArray(t.map((r) => r.asset))}::text[], ${plainArray(t.map((r) => r.code))}::integer[],
          ${textArray(t.map((r) => r.kind))}::text[], ${plainArray(t.map((r) => r.linked))}::boolean[],
          ${plainArray(t.map((r) => r.pendingId))}::uuid[], ${plainArray(t.map((r) => r.timeoutSeconds))}::integer[],
          ${textArray(t.map((r) => (r.metadata === null ? null : JSON.stringify(r.metadata))))}::jsonb[],
          ${textArray(t.map((r) => r.requestHash))}::text[],
          ${textArray(t.map((r) => actorOf(r).type))}::text[], ${textArray(t.map((r) => actorOf(r).id))}::text[],
          ${textArray(t.map((r) => actorOf(r).plugin))}::text[], ${textArray(t.map((r) => actorOf(r).requestId))}::text[]
        ) with ordinality as x(id, debit, credit, amount, asset, code, kind, linked, pending_id, timeout_seconds,
                               metadata, request_hash, actor_type, actor_id, actor_plugin, request_id, n)
        order by x.n
      ),
      entries as (
        insert into core.ledger_entries
          (account_id, version, transfer_id, kind, side, pending_delta, posted_delta,
           debits_pending, debits_posted, credits_pending, credits_posted, created_at)
        select x.*, now()
        from unnest(
          ${plainArray(e.map((r) => r.accountId))}::uuid[], ${plainArray(e.map((r) => r.version))}::bigint[],
          ${plainArray(e.map((r) => r.transferId))}::uuid[], ${textArray(e.map((r) => r.kind))}::text[],
          ${textArray(e.map((r) => r.side))}::text[], ${plainArray(e.map((r) => r.pendingDelta))}::bigint[],
          ${plainArray(e.map((r) => r.postedDelta))}::bigint[], ${plainArray(e.map((r) => r.debitsPending))}::bigint[],
          ${plainArray(e.map((r) => r.debitsPosted))}::bigint[], ${plainArray(e.map((r) => r.creditsPending))}::bigint[],
          ${plainArray(e.map((r) => r.creditsPosted))}::bigint[]
        ) as x
        -- In index order: the inserts walk the (account_id, version) index instead of jumping
        -- about it, and an account's entries of one batch land on adjacent heap pages, so a page
        -- of its history reads a few heap pages rather than one per entry.
        order by 1, 2
      ),
      accounts as (
        update core.ledger_accounts a set
          debits_pending = x.debits_pending, debits_posted = x.debits_posted,
          credits_pending = x.credits_pending, credits_posted = x.credits_posted, version = x.version
        from unnest(
          ${plainArray(changed.map((r) => r.id))}::uuid[], ${plainArray(changed.map((r) => r.debitsPending))}::bigint[],
          ${plainArray(changed.map((r) => r.debitsPosted))}::bigint[],
          ${plainArray(changed.map((r) => r.creditsPending))}::bigint[],
          ${plainArray(changed.map((r) => r.creditsPosted))}::bigint[], ${plainArray(changed.map((r) => r.version))}::bigint[]
        ) as x(id, debits_pending, debits_posted, credits_pending, credits_posted, version)
        where a.id = x.id
      ),
      new_pendings as (
        insert into core.ledger_pending_transfers
          (transfer_id, debit_account_id, credit_account_id, amount, expires_at, state, resolved_by, resolved_at)
        select x.id, x.debit, x.credit, x.amount,
               case when x.timeout_seconds > 0 then now() + x.timeout_seconds * interval '1 second' end,
               x.state, x.resolved_by, case when x.state <> 'pending' then now() end
        from unnest(
          ${plainArray(pendings.map((p) => p.transferId))}::uuid[],
          ${plainArray(pendings.map((p) => p.debitAccountId))}::uuid[],
          ${plainArray(pendings.map((p) => p.creditAccountId))}::uuid[],
          ${plainArray(pendings.map((p) => p.amount))}::bigint[],
          ${plainArray(pendings.map((p) => p.timeoutSeconds))}::integer[],
          ${textArray(pendings.map((p) => resolvedNow.get(p.transferId)?.state ?? 'pending'))}::text[],
          ${plainArray(pendings.map((p) => resolvedNow.get(p.transferId)?.resolvedBy ?? null))}::uuid[]
        ) as x(id, debit, credit, amount, timeout_seconds, state, resolved_by)
      ),
      -- Guarded: a pending transfer leaves the 'pending' state exactly once.
      resolved as (
        update core.ledger_pending_transfers p set state = x.state, resolved_by = x.resolved_by, resolved_at = now()
        from unnest(
          ${plainArray(resolutions.map((r) => r.transferId))}::uuid[],
          ${textArray(resolutions.map((r) => r.state))}::text[],
          ${plainArray(resolutions.map((r) => r.resolvedBy))}::uuid[]
        ) as x(id, state, resolved_by)
        where p.transfer_id = x.id and p.state = 'pending'
        returning 1
      )
      select (select count(*) from resolved)::int as resolved`),
  );
  // Under the account locks this cannot miss; if it ever did, the whole transaction aborts.
  if (Number(result?.resolved) !== resolutions.length) {
    throw new Error('ledger: a pending transfer was resolved concurrently; retry the transaction');
  }
}

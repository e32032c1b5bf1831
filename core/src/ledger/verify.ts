import { sql } from 'drizzle-orm';
import { type Queryable, resultRows } from '../db/database.js';
import { blockHash, GENESIS_HASH, loadTransferLeaves, merkleRoot } from './seal.js';

export interface VerifyReport {
  ok: boolean;
  /** The first mismatch found, in check order (chain, entries, totals, balance, flags). */
  mismatch?: string;
  blocks: number;
  sealedTransfers: number;
  unsealedTransfers: number;
  accounts: number;
}

async function firstRow<T>(q: Queryable, query: ReturnType<typeof sql>): Promise<T | undefined> {
  return resultRows<T>(await q.execute(query))[0];
}

/**
 * The ledger's bookkeeping invariants, from the rows alone: entries fold to the stored totals
 * with contiguous versions and correct running balances, each entry matches its transfer, each
 * transfer has its two entries, debits equal credits per asset, and no account breaks its flags.
 * Returns the first violation, or undefined.
 */
export async function checkBookkeeping(q: Queryable): Promise<string | undefined> {
  const running = await firstRow<{ account_id: string; version: string }>(
    q,
    sql`
    select account_id, version::text as version from (
      select e.*, row_number() over w as rn,
        sum(case when side = 'debit' then pending_delta else 0 end) over w as dpe,
        sum(case when side = 'debit' then posted_delta else 0 end) over w as dpo,
        sum(case when side = 'credit' then pending_delta else 0 end) over w as cpe,
        sum(case when side = 'credit' then posted_delta else 0 end) over w as cpo
      from core.ledger_entries e window w as (partition by account_id order by version)
    ) f
    where rn <> version or dpe <> debits_pending or dpo <> debits_posted or cpe <> credits_pending or cpo <> credits_posted
    order by f.account_id, f.version limit 1`,
  );
  if (running) {
    return `entry ${running.version} of account ${running.account_id}: running balance or version does not follow from the entries before it`;
  }

  const totals = await firstRow<{ id: string }>(
    q,
    sql`
    select a.id from core.ledger_accounts a
    left join (
      select account_id, count(*) as n,
        sum(case when side = 'debit' then pending_delta else 0 end) as dpe,
        sum(case when side = 'debit' then posted_delta else 0 end) as dpo,
        sum(case when side = 'credit' then pending_delta else 0 end) as cpe,
        sum(case when side = 'credit' then posted_delta else 0 end) as cpo
      from core.ledger_entries group by account_id
    ) f on f.account_id = a.id
    where coalesce(f.n, 0) <> a.version or coalesce(f.dpe, 0) <> a.debits_pending or coalesce(f.dpo, 0) <> a.debits_posted
       or coalesce(f.cpe, 0) <> a.credits_pending or coalesce(f.cpo, 0) <> a.credits_posted
    order by a.id limit 1`,
  );
  if (totals) return `account ${totals.id}: stored totals differ from the fold of its entries`;

  const entry = await firstRow<{ account_id: string; version: string }>(
    q,
    sql`
    select e.account_id, e.version::text as version from core.ledger_entries e
    join core.ledger_accounts a on a.id = e.account_id
    left join core.ledger_transfers t on t.id = e.transfer_id
    left join core.ledger_transfers p on p.id = t.pending_id
    where t.id is null
       or coalesce(a.shard_of, a.id) <> case when e.side = 'debit' then t.debit_account_id else t.credit_account_id end
       or not coalesce(case e.kind
         when 'posted' then t.kind = 'posted' and e.pending_delta = 0 and e.posted_delta = t.amount
         when 'pending' then t.kind = 'pending' and e.pending_delta = t.amount and e.posted_delta = 0
         when 'post' then t.kind = 'post' and e.pending_delta = -p.amount and e.posted_delta = t.amount
         when 'void' then t.kind = 'void' and e.pending_delta = -p.amount and e.posted_delta = 0
         when 'expire' then t.kind = 'pending' and e.pending_delta = -t.amount and e.posted_delta = 0
       end, false)
    order by e.account_id, e.version limit 1`,
  );
  if (entry) return `entry ${entry.version} of account ${entry.account_id} does not match its transfer`;

  const unbooked = await firstRow<{ id: string }>(
    q,
    sql`
    select id from (
      select t.id, t.seq,
        count(e.side) filter (where e.side = 'debit') as d, count(e.side) filter (where e.side = 'credit') as c
      from core.ledger_transfers t
      left join core.ledger_entries e on e.transfer_id = t.id and e.kind = t.kind
      group by t.id, t.seq
    ) x
    where d <> 1 or c <> 1
    order by seq limit 1`,
  );
  if (unbooked) return `transfer ${unbooked.id} does not have exactly one debit and one credit entry`;

  const unbalanced = await firstRow<{ asset: string }>(
    q,
    sql`
    select asset from core.ledger_accounts group by asset
    having sum(debits_posted) <> sum(credits_posted) or sum(debits_pending) <> sum(credits_pending)
    order by asset limit 1`,
  );
  if (unbalanced) return `asset ${unbalanced.asset}: total debits differ from total credits`;

  const flags = await firstRow<{ id: string }>(
    q,
    sql`
    select id from core.ledger_accounts
    where (debits_must_not_exceed_credits and debits_pending::numeric + debits_posted > credits_posted)
       or (credits_must_not_exceed_debits and credits_pending::numeric + credits_posted > debits_posted)
    order by id limit 1`,
  );
  if (flags) return `account ${flags.id} breaks its balance flags`;
  return undefined;
}

/** Recomputes the hash chain of sealed blocks; returns the first mismatch, or undefined. */
export async function checkChain(q: Queryable): Promise<{ mismatch?: string; blocks: number; sealed: number }> {
  const blocks = resultRows<{
    number: string;
    first_seq: string;
    last_seq: string;
    transfer_count: number;
    merkle_root: string;
    prev_hash: string;
    hash: string;
  }>(
    await q.execute(sql`
      select number::text as number, first_seq::text as first_seq, last_seq::text as last_seq, transfer_count,
             merkle_root, prev_hash, hash
      from core.ledger_blocks b order by b.number`),
  );
  let prevHash = GENESIS_HASH;
  let expectedFirst = 1;
  let sealed = 0;
  for (const [i, b] of blocks.entries()) {
    const header = {
      number: Number(b.number),
      firstSeq: Number(b.first_seq),
      lastSeq: Number(b.last_seq),
      transferCount: b.transfer_count,
      merkleRoot: b.merkle_root,
      prevHash: b.prev_hash,
    };
    const where = `block ${header.number}`;
    if (header.number !== i + 1) return { mismatch: `${where}: expected block number ${i + 1}`, blocks: i, sealed };
    if (header.prevHash !== prevHash) return { mismatch: `${where}: previous-hash link is broken`, blocks: i, sealed };
    if (header.firstSeq !== expectedFirst) {
      return { mismatch: `${where}: does not start where block ${i} ended`, blocks: i, sealed };
    }
    if (blockHash(header) !== b.hash) return { mismatch: `${where}: header hash does not match`, blocks: i, sealed };
    const leaves = await loadTransferLeaves(q, header.firstSeq, header.lastSeq, header.transferCount + 1);
    if (leaves.length !== header.transferCount) {
      return {
        mismatch: `${where}: holds ${leaves.length} transfers, sealed ${header.transferCount}`,
        blocks: i,
        sealed,
      };
    }
    if (merkleRoot(leaves.map((l) => l.leaf)) !== header.merkleRoot) {
      return {
        mismatch: `${where}: transfers (seq ${header.firstSeq}..${header.lastSeq}) changed since sealing`,
        blocks: i,
        sealed,
      };
    }
    prevHash = b.hash;
    expectedFirst = header.lastSeq + 1;
    sealed += header.transferCount;
  }
  return { blocks: blocks.length, sealed };
}

/** `lifelong ledger verify`: the chain, then the bookkeeping. */
export async function verifyLedger(q: Queryable): Promise<VerifyReport> {
  const chain = await checkChain(q);
  const [counts] = resultRows<{ transfers: string; accounts: string }>(
    await q.execute(sql`select (select count(*) from core.ledger_transfers)::text as transfers,
                               (select count(*) from core.ledger_accounts)::text as accounts`),
  );
  const base = {
    blocks: chain.blocks,
    sealedTransfers: chain.sealed,
    unsealedTransfers: Math.max(0, Number(counts?.transfers ?? 0) - chain.sealed),
    accounts: Number(counts?.accounts ?? 0),
  };
  if (chain.mismatch) return { ok: false, mismatch: chain.mismatch, ...base };
  const mismatch = await checkBookkeeping(q);
  return mismatch ? { ok: false, mismatch, ...base } : { ok: true, ...base };
}

import { sql } from 'drizzle-orm';
import { type Database, type Queryable, resultRows } from '../db/database.js';
import { canonicalJson, canonicalMembers, sha256Hex } from './canonical.js';

export const GENESIS_HASH = '0'.repeat(64);
const BLOCK_SIZE = 1000;
// Serialises sealers of several instances: the chain has one head.
const SEAL_LOCK_KEY = 0x4c_45_44_47; // "LEDG"

export interface TransferLeafRow {
  seq: string;
  id: string;
  debit_account_id: string;
  credit_account_id: string;
  amount: string;
  asset: string;
  code: number;
  kind: string;
  linked: boolean;
  pending_id: string | null;
  timeout_seconds: number;
  metadata: unknown;
  request_hash: string;
  created_us: string;
  /** Absent in rows read before actors were recorded (and in older callers' fixtures). */
  actor_type?: string;
  actor_id?: string | null;
  actor_plugin?: string | null;
  request_id?: string | null;
}

/**
 * The actor as sealed. A system transfer without a request is left out, so that the leaves of
 * transfers written before actors were recorded (stored as exactly that) keep their hashes, and
 * any change of an actor — to the system or from it — changes the leaf.
 */
function sealedActor(row: TransferLeafRow) {
  const {
    actor_type: type = 'system',
    actor_id: id = null,
    actor_plugin: plugin = null,
    request_id: requestId = null,
  } = row;
  if (type === 'system' && id === null && plugin === null && requestId === null) return undefined;
  return { id, plugin, requestId, type };
}

/** Every stored field of a transfer in a fixed encoding: what a block commits to. */
export function transferLeaf(row: TransferLeafRow): string {
  return sha256Hex(
    canonicalMembers([
      ['actor', sealedActor(row)],
      ['amount', String(row.amount)],
      ['asset', row.asset],
      ['code', row.code],
      ['createdAtMicros', String(row.created_us)],
      ['creditAccountId', row.credit_account_id],
      ['debitAccountId', row.debit_account_id],
      ['id', row.id],
      ['kind', row.kind],
      ['linked', row.linked],
      ['metadata', row.metadata ?? null],
      ['pendingId', row.pending_id],
      ['requestHash', row.request_hash],
      ['seq', String(row.seq)],
      ['timeoutSeconds', row.timeout_seconds],
    ]),
  );
}

/** Merkle root of hex leaves (pairs hashed as hex text; an odd last node is carried up). */
export function merkleRoot(leaves: string[]): string {
  if (leaves.length === 0) return GENESIS_HASH;
  let level = leaves;
  while (level.length > 1) {
    const next: string[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const left = level[i] as string;
      const right = level[i + 1];
      next.push(right === undefined ? left : sha256Hex(left + right));
    }
    level = next;
  }
  return level[0] as string;
}

export interface BlockHeader {
  number: number;
  firstSeq: number;
  lastSeq: number;
  transferCount: number;
  merkleRoot: string;
  prevHash: string;
}

export function blockHash(header: BlockHeader): string {
  return sha256Hex(canonicalJson(header));
}

export async function loadTransferLeaves(q: Queryable, fromSeq: number, toSeq: number, limit: number) {
  const rows = resultRows<TransferLeafRow>(
    await q.execute(sql`
      select seq::text as seq, id, debit_account_id, credit_account_id, amount::text as amount, asset, code, kind,
             linked, pending_id, timeout_seconds, metadata, request_hash, actor_type, actor_id, actor_plugin, request_id,
             (extract(epoch from created_at) * 1000000)::bigint::text as created_us
      from core.ledger_transfers t where t.seq >= ${fromSeq} and t.seq <= ${toSeq}
      order by t.seq limit ${limit}`),
  );
  return rows.map((row) => ({ seq: Number(row.seq), leaf: transferLeaf(row) }));
}

interface BlockRow {
  number: string;
  last_seq: string;
  hash: string;
}

async function sealUpTo(db: Database, horizon: number, blockSize: number): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEAL_LOCK_KEY})`);
    const [head] = resultRows<BlockRow>(
      await tx.execute(
        sql`select number::text as number, last_seq::text as last_seq, hash from core.ledger_blocks b order by b.number desc limit 1`,
      ),
    );
    let number = head ? Number(head.number) : 0;
    let lastSeq = head ? Number(head.last_seq) : 0;
    let prevHash = head?.hash ?? GENESIS_HASH;
    let sealed = 0;
    while (lastSeq < horizon) {
      const leaves = await loadTransferLeaves(tx, lastSeq + 1, horizon, blockSize);
      if (leaves.length === 0) break;
      const header: BlockHeader = {
        number: number + 1,
        firstSeq: lastSeq + 1,
        lastSeq: (leaves.at(-1) as { seq: number }).seq,
        transferCount: leaves.length,
        merkleRoot: merkleRoot(leaves.map((l) => l.leaf)),
        prevHash,
      };
      const hash = blockHash(header);
      await tx.execute(sql`
        insert into core.ledger_blocks (number, first_seq, last_seq, transfer_count, merkle_root, prev_hash, hash)
        values (${header.number}, ${header.firstSeq}, ${header.lastSeq}, ${header.transferCount},
                ${header.merkleRoot}, ${header.prevHash}, ${hash})`);
      number = header.number;
      lastSeq = header.lastSeq;
      prevHash = hash;
      sealed += leaves.length;
    }
    return sealed;
  });
}

/**
 * Seals committed transfers into hash-chained blocks, off the write path. Transfers commit out
 * of `seq` order, so a sealer must never seal past a gap that a running transaction may still
 * fill: it notes the highest `seq` handed out, then the transactions in progress at that moment;
 * once each of those has ended, every transfer up to the noted `seq` is committed or gone for
 * good, and that range is sealed. Waiting for those transactions only (not for the server's
 * oldest running transaction to pass a mark) keeps a busy server, whose other databases always
 * have something running, from holding sealing back indefinitely.
 */
export class Sealer {
  private candidate: Observation | undefined;

  constructor(
    private readonly db: Database,
    /** Most transfers per block. */
    private readonly blockSize = BLOCK_SIZE,
  ) {}

  /** One step; returns how many transfers it sealed. Call it periodically. */
  async tick(): Promise<number> {
    let sealed = 0;
    if (this.candidate && (await this.settled(this.candidate.inFlight))) {
      sealed = await sealUpTo(this.db, this.candidate.horizon, this.blockSize);
      this.candidate = undefined;
    }
    if (!this.candidate) this.candidate = await this.observe();
    return sealed;
  }

  /** Seals everything committed before the call (waits for in-flight transactions, up to `timeoutMs`). */
  async sealNow(timeoutMs = 10_000): Promise<number> {
    const target = await this.observe();
    const deadline = Date.now() + timeoutMs;
    while (!(await this.settled(target.inFlight))) {
      if (Date.now() > deadline) throw new Error('ledger sealer: in-flight transactions did not finish in time');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return sealUpTo(this.db, target.horizon, this.blockSize);
  }

  private async observe(): Promise<Observation> {
    // Two statements, in this order: any transaction holding a seq <= horizon got its xid (it
    // locked accounts first) before the snapshot was taken, so it has committed or aborted by
    // then, or it is among the snapshot's in-progress xids.
    const [seq] = resultRows<{ last_value: string; is_called: boolean }>(
      await this.db.execute(sql`select last_value::text as last_value, is_called from core.ledger_transfers_seq_seq`),
    );
    const running = resultRows<{ xid: string }>(
      await this.db.execute(sql`select pg_snapshot_xip(pg_current_snapshot())::text as xid`),
    );
    return { horizon: seq?.is_called ? Number(seq.last_value) : 0, inFlight: running.map((r) => r.xid) };
  }

  private async settled(inFlight: readonly string[]): Promise<boolean> {
    if (inFlight.length === 0) return true;
    const [row] = resultRows<{ running: number }>(
      await this.db.execute(
        sql`select count(*)::int as running from unnest(${`{${inFlight.join(',')}}`}::xid8[]) as x
            where pg_xact_status(x) = 'in progress'`,
      ),
    );
    return row?.running === 0;
  }
}

/** The seq horizon and the transactions that were in progress when it was noted. */
interface Observation {
  horizon: number;
  inFlight: string[];
}

// Ceiling 2: what this PostgreSQL does with the ledger's own rows and nothing else: pgbench runs
// a script that, per transaction, locks the accounts of N random transfers between the bench's
// 1,000 accounts (in id order), inserts the transfers, their 2N entries and one outbox event
// carrying the batch, and updates the accounts' totals, on the migrated schema
// (same tables, indexes, constraints and triggers as the ledger). No HTTP, no server, no
// idempotency lookup, no decisions: the database's floor for the batch figure, measured the way
// pgbench measures the single-transfer one. N is 1,000 (one HTTP batch) and 8,000 (the largest
// group the ledger's group commit makes of concurrent batches: fewer commits per transfer).
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { query } from '../lib/databases.js';
import { ratio } from '../lib/judge.js';
import { pgbenchScript } from '../lib/pgbench.js';
import type { Row, Scenario } from '../lib/types.js';

const run = promisify(execFile);
const ACCOUNTS = 1000;
/** The HTTP batch size, and the largest group the ledger's group commit makes of such requests. */
export const LEDGER_SQL_BATCHES = [1000, 8000] as const;
/** One per core: batches all touch most accounts, so more clients only queue on the locks. */
const CLIENTS = 2;
const LIFELONG_CLI = fileURLToPath(new URL('../../core/bin/lifelong.js', import.meta.url));

// Transfer ids are time-ordered like the ledger's UUIDv7s (random v4 ids scatter the primary key's
// inserts over the whole index and cost several times more); entries go in index order, as the
// ledger writes them.
const script = (BATCH: number) => `
begin;
create temp table if not exists batch (id uuid, debit uuid, credit uuid) on commit delete rows;
insert into batch
  select encode(overlay(uuid_send(gen_random_uuid())
           placing int8send((extract(epoch from clock_timestamp()) * 1e3)::bigint * 65536 + r.g) from 1 for 8), 'hex')::uuid,
         d.id, c.id
  from (select g, d, (d + 1 + floor(random() * ${ACCOUNTS - 1})::int) % ${ACCOUNTS} as c
        from (select g, floor(random() * ${ACCOUNTS})::int as d from generate_series(1, ${BATCH}) g) s) r
  join bench_accounts d on d.n = r.d join bench_accounts c on c.n = r.c;
select count(*) from (
  select id from core.ledger_accounts where id in (select debit from batch union select credit from batch)
  order by id for update) locked;
insert into core.ledger_transfers
  (id, debit_account_id, credit_account_id, amount, asset, code, kind, linked, pending_id, timeout_seconds,
   metadata, request_hash, created_at)
  select id, debit, credit, 1, 'POINT', 1, 'posted', false, null, 0, null, md5(id::text) || md5(debit::text), now()
  from batch;
insert into core.ledger_entries
  (account_id, version, transfer_id, kind, side, pending_delta, posted_delta, debits_pending, debits_posted,
   credits_pending, credits_posted, created_at)
  select x.account, nextval('bench_versions'), x.id, 'posted', x.side, 0, 1, 0, 1, 0, 1, now()
  from (select debit as account, id, 'debit' as side from batch
        union all select credit, id, 'credit' from batch) x
  order by 1, 2;
update core.ledger_accounts a set debits_posted = a.debits_posted + 1, version = a.version + 1
  where a.id in (select debit from batch union select credit from batch);
insert into core.events (id, name, key, payload, fanned_out_at)
  select gen_random_uuid(), 'ledger.transfers.posted', gen_random_uuid()::text,
         jsonb_build_object('transfers', jsonb_agg(jsonb_build_object(
           'id', id, 'debitAccountId', debit, 'creditAccountId', credit, 'amount', '1', 'asset', 'POINT',
           'code', 1, 'kind', 'single', 'pendingId', null))), now()
  from batch;
commit;
`;

async function migrate(databaseUrl: string, cwd: string): Promise<void> {
  // From an empty directory: no lifelong.config.ts, so the core's migrations only.
  await run(process.execPath, [LIFELONG_CLI, 'migrate'], { cwd, env: { ...process.env, DATABASE_URL: databaseUrl } });
}

export const ledgerSqlCeiling: Scenario = {
  id: 'ceiling-ledger-sql',
  title: "Ceiling: the ledger's rows in SQL",
  async run(ctx) {
    const name = 'lifelong_bench_ledger_sql';
    const url = await ctx.createDatabase(name);
    const dir = await mkdtemp(join(tmpdir(), 'lifelong-ledger-sql-'));
    try {
      await migrate(url, dir);
      await query(url, async (sql) => {
        await sql.unsafe(`
          create table bench_accounts (n int primary key, id uuid not null);
          insert into bench_accounts select n - 1, gen_random_uuid() from generate_series(1, ${ACCOUNTS}) n;
          insert into core.ledger_accounts (id, asset, owner_type, credits_posted)
            select id, 'POINT', 'platform', 1000000000000 from bench_accounts;
          create sequence bench_versions;
          analyze bench_accounts;`);
      });
      const rows: Row[] = [];
      for (const batch of LEDGER_SQL_BATCHES) {
        const file = join(dir, `ledger-batch-${batch}.sql`);
        await writeFile(file, script(batch));
        ctx.log(
          `  pgbench -f ${basename(file)}: ${batch} transfers per transaction, ${CLIENTS} clients, ${ctx.sizes.pgbenchSeconds} s`,
        );
        const r = await pgbenchScript(url, file, CLIENTS, ctx.sizes.pgbenchSeconds);
        const transfers = r.tps * batch;
        ctx.log(`  → ${transfers.toFixed(0)} transfers/s (${r.tps.toFixed(1)} transactions/s)`);
        rows.push({
          id: `ceiling.ledger-sql.b${batch}.transfers`,
          section: 'Ceilings',
          figure: `ledger rows in SQL alone, ${batch.toLocaleString('en')} transfers per transaction`,
          value: transfers,
          unit: 'transfers/s',
          ratio: ratio(ctx, transfers, 'ceiling.pgbench.c32.tps', 'pgbench tpcb-like TPS at 32 clients'),
          note: `${r.command} (script: bench/scenarios/ceiling-ledger-sql.ts); latency average ${r.latencyMs.toFixed(0)} ms per transaction`,
        });
      }
      return rows;
    } finally {
      await rm(dir, { recursive: true, force: true });
      await ctx.dropDatabase(name);
    }
  },
};

// The ledger over HTTP on a real listening platform: single-transfer requests and batches of
// 1,000 at 32 connections (ratios to pgbench at 32 clients), and balance reads at the HTTP
// ceiling's 64 connections (ratio to the bare hono route).
import { uuidv7 } from '@lifelong/core';
import { query } from '../lib/databases.js';
import { ratio, ratioAtLeast } from '../lib/judge.js';
import { startLedgerServer } from '../lib/ledger-server.js';
import { describeErrors, load } from '../lib/load.js';
import { settle } from '../lib/settle.js';
import type { BenchContext, Scenario } from '../lib/types.js';
import { HTTP_CEILING_CONNECTIONS } from './ceiling-hono.js';
import { LEDGER_SQL_BATCHES } from './ceiling-ledger-sql.js';

const CLIENTS = 32;
const BATCH = 1000;
const PGBENCH_32 = 'ceiling.pgbench.c32.tps';
const PGBENCH_LABEL = 'pgbench tpcb-like TPS at 32 clients';

function transferBody(accounts: string[], count: number): string {
  const transfers = [];
  for (let i = 0; i < count; i++) {
    const d = Math.floor(Math.random() * accounts.length);
    const c = (d + 1 + Math.floor(Math.random() * (accounts.length - 1))) % accounts.length;
    transfers.push({ id: uuidv7(), debitAccountId: accounts[d], creditAccountId: accounts[c], amount: '1', code: 1 });
  }
  return JSON.stringify({ transfers });
}

/** The batch figure against the database's own floor for the same rows (ceiling-ledger-sql). */
function ofSqlCeiling(ctx: BenchContext, transfersPerSecond: number): string {
  const best = Math.max(...LEDGER_SQL_BATCHES.map((b) => ctx.figure(`ceiling.ledger-sql.b${b}.transfers`) ?? 0));
  return best > 0
    ? `; ${((100 * transfersPerSecond) / best).toFixed(0)}% of the ledger rows in SQL alone (best of its two sizes)`
    : '';
}

export const ledgerThroughput: Scenario = {
  id: 'ledger',
  title: 'Ledger over HTTP',
  async run(ctx) {
    const name = 'lifelong_bench_ledger';
    const databaseUrl = await ctx.createDatabase(name);
    try {
      ctx.log('  starting the platform with 1,000 funded accounts');
      const server = await startLedgerServer(databaseUrl, 1000);
      const { url, accounts, adminKey } = server.ready;
      const auth = { authorization: `Bearer ${adminKey}` };
      const post = { ...auth, 'content-type': 'application/json' };
      try {
        const seconds = ctx.sizes.loadSeconds;
        const single = await load({
          label: 'single transfers',
          url: `${url}/v1/ledger/transfers`,
          method: 'POST',
          headers: post,
          connections: CLIENTS,
          seconds,
          body: () => transferBody(accounts, 1),
        });
        ctx.log(`  → ${single.okPerSecond.toFixed(0)} requests/s, p99 ${single.p99} ms`);
        await settle(ctx, databaseUrl);
        const batched = await load({
          label: `batches of ${BATCH}`,
          url: `${url}/v1/ledger/transfers`,
          method: 'POST',
          headers: post,
          connections: CLIENTS,
          seconds,
          body: () => transferBody(accounts, BATCH),
        });
        const transfersPerSecond = batched.okPerSecond * BATCH;
        ctx.log(`  → ${transfersPerSecond.toFixed(0)} transfers/s, p99 ${batched.p99} ms`);
        await settle(ctx, databaseUrl);
        // Every posting updates two account rows: how many dead versions the reads wade through.
        const bloat = await query(databaseUrl, async (sql) => {
          const [row] = await sql`
            select n_live_tup::int as live, n_dead_tup::int as dead, coalesce(last_autovacuum::text, 'never') as vacuumed
            from pg_stat_user_tables where schemaname = 'core' and relname = 'ledger_accounts'`;
          return row as { live: number; dead: number; vacuumed: string };
        });
        ctx.log(`  core.ledger_accounts: ${bloat?.live} live, ${bloat?.dead} dead row versions`);
        const reads = await load({
          label: 'balance reads',
          url: `${url}/`,
          headers: auth,
          connections: HTTP_CEILING_CONNECTIONS,
          seconds,
          path: () => `/v1/ledger/accounts/${accounts[Math.floor(Math.random() * accounts.length)]}`,
        });
        ctx.log(`  → ${reads.okPerSecond.toFixed(0)} requests/s, p99 ${reads.p99} ms`);

        const singleRatio = ratio(ctx, single.okPerSecond, PGBENCH_32, PGBENCH_LABEL);
        const batchedRatio = ratio(ctx, transfersPerSecond, PGBENCH_32, PGBENCH_LABEL);
        const readsRatio = ratio(ctx, reads.okPerSecond, 'ceiling.hono.rps', 'bare hono requests/s');
        return [
          {
            id: 'ledger.single.rps',
            section: 'Ledger',
            figure: `single-transfer requests/s, ${CLIENTS} connections`,
            value: single.okPerSecond,
            unit: 'req/s',
            ratio: singleRatio,
            target: ratioAtLeast(singleRatio, 1, '≥ 1.0× pgbench TPS (32 clients)'),
            note: `p50 ${single.p50} ms; ${describeErrors(single)}`,
          },
          {
            id: 'ledger.single.p99',
            section: 'Ledger',
            figure: `single-transfer p99, ${CLIENTS} connections`,
            value: single.p99,
            unit: 'ms',
          },
          {
            id: 'ledger.batched.tps',
            section: 'Ledger',
            figure: `transfers/s in batches of ${BATCH.toLocaleString('en')}, ${CLIENTS} connections`,
            value: transfersPerSecond,
            unit: 'transfers/s',
            ratio: batchedRatio,
            target: ratioAtLeast(batchedRatio, 20, '≥ 20× pgbench TPS (32 clients)'),
            note: `p50 ${batched.p50} ms, p99 ${batched.p99} ms per request; ${describeErrors(batched)}${ofSqlCeiling(ctx, transfersPerSecond)}`,
          },
          {
            id: 'ledger.balance.rps',
            section: 'Ledger',
            figure: `balance reads/s (GET /v1/ledger/accounts/{id}), ${HTTP_CEILING_CONNECTIONS} connections`,
            value: reads.okPerSecond,
            unit: 'req/s',
            ratio: readsRatio,
            target: ratioAtLeast(readsRatio, 0.4, '≥ 40% of bare hono'),
            note: `p50 ${reads.p50} ms, p99 ${reads.p99} ms; ${describeErrors(reads)}; core.ledger_accounts before: ${bloat?.live} live, ${bloat?.dead} dead row versions, last autovacuum ${bloat?.vacuumed}`,
          },
        ];
      } finally {
        await server.stop();
      }
    } finally {
      await ctx.dropDatabase(name);
    }
  },
};

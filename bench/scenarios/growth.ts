// Growth: do reads slow down as the ledger fills? Balance reads and entries pages are probed at
// each level of existing entries (1k, 100k, 1M by default); the target is p99 flat within 20%.
// The history is written by the real engine (batches of 8,000 in the server process, with the
// same checks, running balances and hash chain as any transfer), between 20 accounts, so each
// account's own history grows too (~5% of all entries each) and even at 1k entries an account
// has 50 entries: every level reads full pages of 50, so the levels compare like with like.
import { query } from '../lib/databases.js';
import { startLedgerServer } from '../lib/ledger-server.js';
import { describeErrors, load } from '../lib/load.js';
import { settle } from '../lib/settle.js';
import type { Row, Scenario } from '../lib/types.js';

const ACCOUNTS = 20;
const CONNECTIONS = 8;
const PAGE = 50;
const FLAT = 1.2;

export const formatCount = (n: number) =>
  n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n);

async function countEntries(url: string): Promise<number> {
  return query(url, async (sql) => {
    const [row] = await sql`select count(*)::int as n from core.ledger_entries`;
    return (row as { n: number }).n;
  });
}

async function latestVersions(url: string, accounts: string[]): Promise<Map<string, number>> {
  return query(url, async (sql) => {
    const rows = await sql`
      select account_id, max(version)::int as v from core.ledger_entries
      where account_id = any(${accounts}::uuid[]) group by account_id`;
    return new Map(rows.map((r) => [r.account_id as string, r.v as number]));
  });
}

const cursor = (accountId: string, version: number) =>
  Buffer.from(JSON.stringify({ accountId, version })).toString('base64url');

export const growth: Scenario = {
  id: 'growth',
  title: 'Growth: reads as the ledger fills',
  async run(ctx) {
    const name = 'lifelong_bench_growth';
    const databaseUrl = await ctx.createDatabase(name);
    const rows: Row[] = [];
    const balanceP99: number[] = [];
    const pageP99: number[] = [];
    try {
      const server = await startLedgerServer(databaseUrl, ACCOUNTS);
      const { url, accounts, adminKey } = server.ready;
      const headers = { authorization: `Bearer ${adminKey}` };
      const pick = () => accounts[Math.floor(Math.random() * accounts.length)] as string;
      try {
        // Warm up first (JIT, connection pools, plans): otherwise the first level measures a
        // cold process and the spread reports start-up, not growth. Not recorded.
        for (const path of [
          () => `/v1/ledger/accounts/${pick()}`,
          () => `/v1/ledger/accounts/${pick()}/entries?limit=${PAGE}`,
        ]) {
          await load({ label: 'warm-up', url: `${url}/`, headers, connections: CONNECTIONS, seconds: 3, path });
        }
        for (const level of ctx.sizes.growthLevels) {
          let entries = await countEntries(databaseUrl);
          if (entries < level) {
            // Each transfer writes two entries.
            const transfers = Math.ceil((level - entries) / 2);
            ctx.log(`  writing ${transfers.toLocaleString('en')} transfers to reach ${formatCount(level)} entries`);
            const started = performance.now();
            const stop = ticker(ctx, databaseUrl, level);
            try {
              await server.call({ grow: transfers });
            } finally {
              stop();
            }
            const seconds = (performance.now() - started) / 1000;
            ctx.log(`  → ${(transfers / seconds).toFixed(0)} transfers/s through the engine`);
            await settle(ctx, databaseUrl);
            entries = await countEntries(databaseUrl);
          }
          // Fresh planner statistics, as autovacuum would give a ledger at rest at this size.
          await query(
            databaseUrl,
            (sql) => sql`analyze core.ledger_entries, core.ledger_transfers, core.ledger_accounts`,
          );
          const versions = await latestVersions(databaseUrl, accounts);
          const label = formatCount(level);
          const balance = await load({
            label: `balance reads at ${label}`,
            url: `${url}/`,
            headers,
            connections: CONNECTIONS,
            seconds: ctx.sizes.probeSeconds,
            path: () => `/v1/ledger/accounts/${pick()}`,
          });
          const page = await load({
            label: `entries pages at ${label}`,
            url: `${url}/`,
            headers,
            connections: CONNECTIONS,
            seconds: ctx.sizes.probeSeconds,
            // A page from a random point of the account's history (keyset cursor), not only the first.
            path: () => {
              const id = pick();
              const v = Math.floor(Math.random() * Math.max(0, (versions.get(id) ?? 0) - PAGE));
              return `/v1/ledger/accounts/${id}/entries?limit=${PAGE}${v > 0 ? `&cursor=${cursor(id, v)}` : ''}`;
            },
          });
          ctx.log(
            `  → at ${entries.toLocaleString('en')} entries: balance p99 ${balance.p99} ms, page p99 ${page.p99} ms`,
          );
          balanceP99.push(balance.p99);
          pageP99.push(page.p99);
          const perAccount = Math.round(entries / (ACCOUNTS + 1));
          rows.push(
            {
              id: `growth.balance.p99.${label}`,
              section: 'Growth',
              figure: `balance read p99 at ${label} entries`,
              value: balance.p99,
              unit: 'ms',
              note: `${entries.toLocaleString('en')} entries; p50 ${balance.p50} ms; ${balance.okPerSecond.toFixed(0)} req/s at ${CONNECTIONS} connections; ${describeErrors(balance)}`,
            },
            {
              id: `growth.entries.p99.${label}`,
              section: 'Growth',
              figure: `entries page (${PAGE}) p99 at ${label} entries`,
              value: page.p99,
              unit: 'ms',
              note: `~${perAccount.toLocaleString('en')} entries per account; p50 ${page.p50} ms; ${page.okPerSecond.toFixed(0)} req/s at ${CONNECTIONS} connections; ${describeErrors(page)}`,
            },
          );
        }
      } finally {
        await server.stop();
      }
    } finally {
      await ctx.dropDatabase(name);
    }
    const spread = (xs: number[]) => (xs.length > 1 ? Math.max(...xs) / Math.min(...xs) : null);
    const levels = ctx.sizes.growthLevels.map(formatCount).join(' / ');
    for (const [id, figure, xs] of [
      ['growth.balance.spread', 'balance read p99', balanceP99],
      ['growth.entries.spread', 'entries page p99', pageP99],
    ] as const) {
      const s = spread(xs);
      rows.push({
        id,
        section: 'Growth',
        figure: `${figure} spread, max ÷ min over ${levels} entries`,
        value: s,
        unit: '×',
        target: { text: `flat within 20% (≤ ${FLAT.toFixed(2)}×)`, met: s === null ? null : s <= FLAT },
      });
    }
    return rows;
  },
};

/** Logs the entry count every 10 s while the history is written. */
function ticker(ctx: { log(m: string): void }, url: string, level: number): () => void {
  const timer = setInterval(() => {
    countEntries(url).then(
      (n) => ctx.log(`  … ${n.toLocaleString('en')} / ${level.toLocaleString('en')} entries`),
      () => {},
    );
  }, 10_000);
  return () => clearInterval(timer);
}

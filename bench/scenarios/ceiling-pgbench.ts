// Ceiling 1: what this PostgreSQL does with pgbench's built-in tpcb-like transaction (five
// statements, one account row update each) at 8 and 32 clients. The ledger's targets are ratios
// to the 32-client figure.
import { pgbenchInit, pgbenchRun } from '../lib/pgbench.js';
import type { Row, Scenario } from '../lib/types.js';

export const PGBENCH_CLIENTS = [8, 32] as const;

export const pgbenchCeiling: Scenario = {
  id: 'ceiling-pgbench',
  title: 'Ceiling: pgbench tpcb-like',
  async run(ctx) {
    const name = 'lifelong_bench_pgbench';
    const url = await ctx.createDatabase(name);
    const rows: Row[] = [];
    try {
      // Scale ≥ clients so clients rarely wait on the same branch row.
      const scale = Math.max(ctx.sizes.pgbenchScale, ...PGBENCH_CLIENTS);
      ctx.log(`  pgbench -i -s ${scale} (loading ${scale * 100_000} accounts rows)`);
      const init = await pgbenchInit(url, scale);
      for (const clients of PGBENCH_CLIENTS) {
        ctx.log(`  pgbench tpcb-like, ${clients} clients, ${ctx.sizes.pgbenchSeconds} s`);
        const r = await pgbenchRun(url, clients, ctx.sizes.pgbenchSeconds);
        ctx.log(`  → ${r.tps.toFixed(0)} TPS, latency average ${r.latencyMs.toFixed(2)} ms`);
        rows.push(
          {
            id: `ceiling.pgbench.c${clients}.tps`,
            section: 'Ceilings',
            figure: `pgbench tpcb-like TPS, ${clients} clients`,
            value: r.tps,
            unit: 'TPS',
            note: `${init}; ${r.command}`,
          },
          {
            id: `ceiling.pgbench.c${clients}.latency`,
            section: 'Ceilings',
            figure: `pgbench tpcb-like latency average, ${clients} clients`,
            value: r.latencyMs,
            unit: 'ms',
          },
        );
      }
    } finally {
      await ctx.dropDatabase(name);
    }
    return rows;
  },
};

// Waits for a ledger at rest: requests still in flight when a load stops (up to 32 batches of
// 1,000) and the background sealer would otherwise run during the next measurement.
import { query } from './databases.js';
import type { BenchContext } from './types.js';

const BLOCK = 1000;

export async function settle(ctx: BenchContext, databaseUrl: string, timeoutMs = 180_000): Promise<void> {
  const started = performance.now();
  let previous = '';
  let lastLog = started;
  for (;;) {
    const state = await query(databaseUrl, async (sql) => {
      const [row] = await sql`
        select (select count(*) from core.ledger_transfers)::bigint as n,
               (select coalesce(max(seq), 0) from core.ledger_transfers)::bigint as head,
               (select coalesce(max(last_seq), 0) from core.ledger_blocks)::bigint as sealed`;
      return row as { n: string; head: string; sealed: string };
    });
    const key = `${state.n}/${state.sealed}`;
    // Nothing new written or sealed for a second, and at most one partial block left unsealed.
    if (key === previous && Number(state.head) - Number(state.sealed) < BLOCK) return;
    previous = key;
    const now = performance.now();
    if (now - started > timeoutMs) {
      ctx.log(`  ledger not at rest after ${timeoutMs / 1000} s (${key} transfers/sealed); measuring anyway`);
      return;
    }
    if (now - lastLog > 10_000) {
      ctx.log(`  … waiting for a ledger at rest: ${state.n} transfers, sealed up to seq ${state.sealed}`);
      lastLog = now;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

// CPU per request, by process, of the ledger over HTTP: a development tool, run by hand (not part
// of `npm run bench`). On a shared or virtual machine requests/s move by ±15% from one run to
// the next; CPU microseconds per request of the server and of PostgreSQL move much less, so A/B
// comparisons of a change use these. It also reports minor page faults per request (first
// touches of fresh memory, microseconds each on virtual machines).
//
//   cd bench && node --import tsx ledger/cpu.ts single        # POST one transfer per request
//   cd bench && node --import tsx ledger/cpu.ts 1000          # POST batches of 1,000
//   cd bench && node --import tsx ledger/cpu.ts invalid       # POST a body failing validation (400)
//   cd bench && node --import tsx ledger/cpu.ts balance       # GET an account
//   cd bench && node --import tsx ledger/cpu.ts live          # GET /health/live
// Environment: SECONDS (default 10), WARM (seconds of single transfers first: plans and caches
// as after a busy period), PROFILE=1 (the server writes a V8 CPU profile to /tmp/lifelong-cpu),
// DATABASE_URL (admin connection, default postgres://root@127.0.0.1:5432/test).
// Uses the built core (`npm run build` first). Linux only (reads /proc).
import { readdirSync, readFileSync } from 'node:fs';
import { uuidv7 } from '@lifelong/core';
import { serverScript, startChild } from '../lib/child.js';
import { createDatabase, dropDatabase } from '../lib/databases.js';
import { type LoadOptions, load } from '../lib/load.js';

const admin = process.env.DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';
const mode = process.argv[2] ?? 'single';
const seconds = Number(process.env.SECONDS ?? 10);
const NAME = 'lifelong_bench_cpu';

function stat(pid: number | string): string[] {
  return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
}

/** user + system CPU of a process, in clock ticks (1/100 s). */
function ticks(pid: number | string): number {
  const fields = stat(pid);
  return Number(fields[11]) + Number(fields[12]);
}

/**
 * Minor page faults of a process: first touches of fresh memory. On virtual machines each costs
 * microseconds, so large short-lived buffers cost far more than their copying.
 */
function faults(pid: number | string): number {
  return Number(stat(pid)[7]);
}

/** Summed over PostgreSQL's processes (those that end meanwhile drop out). */
function postgres(measure: (pid: string) => number): number {
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') total += measure(pid);
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

const url = await createDatabase(admin, NAME);
const args = ['--import', 'tsx'];
if (process.env.PROFILE) args.push('--cpu-prof', '--cpu-prof-dir=/tmp/lifelong-cpu');
const server = await startChild<{ url: string; accounts: string[]; adminKey: string }>(
  [...args, serverScript('ledger.ts')],
  { DATABASE_URL: url, BENCH_ACCOUNTS: '1000' },
);
try {
  const { accounts, adminKey } = server.ready;
  const transfers = (count: number) => {
    const list = [];
    for (let i = 0; i < count; i++) {
      const d = Math.floor(Math.random() * accounts.length);
      const c = (d + 1 + Math.floor(Math.random() * (accounts.length - 1))) % accounts.length;
      list.push({ id: uuidv7(), debitAccountId: accounts[d], creditAccountId: accounts[c], amount: '1', code: 1 });
    }
    return JSON.stringify({ transfers: list });
  };
  const post = (body: () => string): LoadOptions => ({
    label: mode,
    url: `${server.ready.url}/v1/ledger/transfers`,
    method: 'POST',
    headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
    connections: 32,
    seconds,
    body,
  });
  const get = (path: () => string): LoadOptions => ({
    label: mode,
    url: `${server.ready.url}/`,
    headers: { authorization: `Bearer ${adminKey}` },
    connections: 32,
    seconds,
    path,
  });
  const options =
    mode === 'single'
      ? post(() => transfers(1))
      : mode === 'invalid'
        ? post(() => transfers(1).replace('"amount":"1"', '"amount":"x"'))
        : mode === 'balance'
          ? get(() => `/v1/ledger/accounts/${accounts[Math.floor(Math.random() * accounts.length)]}`)
          : mode === 'live'
            ? get(() => '/health/live')
            : post(() => transfers(Number(mode)));
  if (process.env.WARM)
    await load({ ...post(() => transfers(1)), label: 'warm-up', seconds: Number(process.env.WARM) });

  const before = { server: ticks(server.pid), postgres: postgres(ticks), loader: ticks(process.pid) };
  const faultsBefore = { server: faults(server.pid), postgres: postgres(faults) };
  const result = await load(options);
  const requests = result.ok + result.non2xx;
  const perRequest = (from: number, to: number) => `${Math.round(((to - from) * 10_000) / requests)} µs`;
  const size = /^\d+$/.test(mode) ? Number(mode) : 1;
  console.log(
    JSON.stringify({
      mode,
      requestsPerSecond: Math.round(requests / seconds),
      transfersPerSecond: mode === 'single' || size > 1 ? Math.round((result.ok * size) / seconds) : undefined,
      p50: result.p50,
      p99: result.p99,
      non2xx: result.non2xx,
      cpuPerRequest: {
        server: perRequest(before.server, ticks(server.pid)),
        postgres: perRequest(before.postgres, postgres(ticks)),
        loadGenerator: perRequest(before.loader, ticks(process.pid)),
      },
      pageFaultsPerRequest: {
        server: Math.round((faults(server.pid) - faultsBefore.server) / requests),
        postgres: Math.round((postgres(faults) - faultsBefore.postgres) / requests),
      },
    }),
  );
} finally {
  await server.stop();
  await dropDatabase(admin, NAME);
}

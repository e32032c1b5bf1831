// The ledger benchmark, run by hand (never in CI): pgbench tpcb-like as the yardstick, then the
// ledger over HTTP with single-transfer requests and with batches of 1,000, at the same client
// count, on scratch databases of the local PostgreSQL. Results go to docs/PERFORMANCE.md.
//
//   npm run bench -w @lifelong/bench            (env: PG_URL, CLIENTS=32, DURATION=20)
import { execFileSync, spawn } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { runLedgerVerify } from '../../core/src/cli/ledger-command.js';
import { openDatabase } from '../../core/src/db/database.js';
import { uuidv7 } from '../../core/src/ids/uuidv7.js';

const PG_URL = process.env.PG_URL ?? 'postgres://root@127.0.0.1:5432/postgres';
const PGBENCH = process.env.PGBENCH ?? '/usr/lib/postgresql/15/bin/pgbench';
const CLIENTS = Number(process.env.CLIENTS ?? 32);
const DURATION = Number(process.env.DURATION ?? 20);
const ADMIN_KEY = 'llk_bench-admin-key-000000000000000000';

const dbUrl = (name: string) => {
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return url.toString();
};

async function recreate(name: string) {
  const admin = postgres(PG_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
}

async function drop(name: string) {
  const admin = postgres(PG_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end();
}

function pgbench(): { tps: number; latencyMs: number; command: string } {
  const db = 'lifelong_bench_pgbench';
  const url = new URL(PG_URL);
  const conn = ['-h', url.hostname, '-p', url.port || '5432', '-U', decodeURIComponent(url.username)];
  execFileSync(PGBENCH, [...conn, '-i', '-q', '-s', String(CLIENTS), db], { stdio: 'ignore' });
  const args = [...conn, '-c', String(CLIENTS), '-j', '2', '-T', String(DURATION), db];
  const out = execFileSync(PGBENCH, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(out)?.[1]);
  const latencyMs = Number(/latency average = ([\d.]+) ms/.exec(out)?.[1]);
  return {
    tps,
    latencyMs,
    command: `pgbench -i -q -s ${CLIENTS} ${db} && pgbench ${args.slice(conn.length).join(' ')}`,
  };
}

function startServer(databaseUrl: string): Promise<{ url: string; accounts: string[]; stop: () => Promise<void> }> {
  const server = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./server.ts', import.meta.url))], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let buffer = '';
    server.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    server.stdout.on('data', (chunk) => {
      buffer += chunk;
      const line = buffer.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      const { url, accounts } = JSON.parse(line) as { url: string; accounts: string[] };
      server.removeAllListeners('exit');
      resolve({
        url,
        accounts,
        stop: () =>
          new Promise<void>((done) => {
            server.once('exit', () => done());
            server.kill('SIGTERM');
          }),
      });
    });
  });
}

function transferBody(accounts: string[], count: number): string {
  const transfers = [];
  for (let i = 0; i < count; i++) {
    const d = Math.floor(Math.random() * accounts.length);
    const c = (d + 1 + Math.floor(Math.random() * (accounts.length - 1))) % accounts.length;
    transfers.push({ id: uuidv7(), debitAccountId: accounts[d], creditAccountId: accounts[c], amount: '1', code: 1 });
  }
  return JSON.stringify({ transfers });
}

async function countTransfers(databaseUrl: string): Promise<number> {
  const sql = postgres(databaseUrl, { max: 1 });
  const [row] = await sql`select count(*)::int as n from core.ledger_transfers`;
  await sql.end();
  return (row as { n: number }).n;
}

async function load(url: string, accounts: string[], perRequest: number, connections: number) {
  const result = await autocannon({
    url: `${url}/v1/ledger/transfers`,
    connections,
    duration: DURATION,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` },
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => ({ ...request, body: transferBody(accounts, perRequest) }),
      },
    ],
  });
  return {
    // Acknowledged (2xx) requests: transfers still in flight when the run stops do not count.
    transfersPerSecond: (result['2xx'] * perRequest) / DURATION,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

const machine = {
  nproc: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  postgres: execFileSync(PGBENCH, ['--version'], { encoding: 'utf8' }).trim(),
  node: process.version,
};
console.log('machine', machine);

// The machine may be shared: record how busy it was around each phase.
const load1 = () => loadavg()[0]?.toFixed(2);
console.log('load average before pgbench', load1());
await recreate('lifelong_bench_pgbench');
const yardstick = pgbench();
await drop('lifelong_bench_pgbench');
console.log('pgbench tpcb-like', yardstick, 'load average after', load1());

const ledgerDb = 'lifelong_bench_ledger';
await recreate(ledgerDb);
const server = await startServer(dbUrl(ledgerDb));
const single = await load(server.url, server.accounts, 1, CLIENTS);
console.log('ledger single-transfer requests', single, 'load average after', load1());
const batched = await load(server.url, server.accounts, 1000, CLIENTS);
console.log('ledger batches of 1,000', batched, 'load average after', load1());
await server.stop();
const after = await countTransfers(dbUrl(ledgerDb));

const handle = await openDatabase({ url: dbUrl(ledgerDb), maxConnections: 2 });
const started = Date.now();
const verifyExit = await runLedgerVerify({ database: handle, seal: true, out: (line) => console.log(`  ${line}`) });
console.log(
  `verify --seal of ${after} transfers: exit ${verifyExit} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
await handle.close();
await drop(ledgerDb);

console.log('\nsummary');
console.table({
  'pgbench tpcb-like TPS': yardstick.tps.toFixed(0),
  'single: requests/s': single.requestsPerSecond.toFixed(0),
  'single: ÷ pgbench': (single.requestsPerSecond / yardstick.tps).toFixed(2),
  'single: p99 ms': single.p99,
  'batched: transfers/s': batched.transfersPerSecond.toFixed(0),
  'batched: ÷ pgbench': (batched.transfersPerSecond / yardstick.tps).toFixed(1),
  'batched: p99 ms': batched.p99,
  'non-2xx / errors': `${single.non2xx + batched.non2xx} / ${single.errors + batched.errors}`,
});

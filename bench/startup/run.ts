// Platform start-up: time from process spawn to a ready platform (/health/ready = 200) on
// PostgreSQL after migrations, idle memory (RSS), and start() alone in-process.
// Run: npm run bench:startup -w @lifelong/bench   (env PG_URL, RUNS=7)
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';

const PG_URL = process.env.PG_URL ?? 'postgres://root@127.0.0.1:5432/postgres';
const RUNS = Number(process.env.RUNS ?? 7);
const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = `${root}core/bin/lifelong.js`;
const config = fileURLToPath(new URL('./lifelong.config.ts', import.meta.url));
const secrets = {
  LIFELONG_NATIONAL_ID_HMAC_KEY: Buffer.alloc(32, 1).toString('base64'),
  LIFELONG_NATIONAL_ID_ENCRYPTION_KEYS: `bench:${Buffer.alloc(32, 2).toString('base64')}`,
  LIFELONG_ADMIN_KEY: 'llk_bench-admin-key-000000000000000000',
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line?.replace(/\D+/g, '') ?? 0) / 1024;
}

async function startOnce(databaseUrl: string): Promise<{ readyMs: number; rssMb: number; stopMs: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [bin, 'start', '--config', config], {
    env: { ...process.env, ...secrets, DATABASE_URL: databaseUrl, PORT: '0', LIFELONG_MIGRATE_ON_START: 'false' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  let url: string | undefined;
  for (;;) {
    url ??= /running at (http:\/\/\S+)/.exec(stderr)?.[1];
    if (url) {
      const res = await fetch(`${url}/health/ready`).catch(() => undefined);
      if (res?.status === 200) break;
    }
    if (performance.now() - started > 30_000) throw new Error(`no ready platform after 30 s:\n${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const readyMs = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 2000)); // idle
  const rss = rssMb(child.pid as number);
  const stopAt = performance.now();
  child.kill('SIGTERM');
  if ((await exited) !== 0) throw new Error(`exit code not 0:\n${stderr}`);
  return { readyMs, rssMb: rss, stopMs: performance.now() - stopAt };
}

async function main() {
  const admin = postgres(PG_URL, { max: 1, onnotice: () => {} });
  const name = `lifelong_bench_startup_${process.pid}`;
  await admin.unsafe(`create database ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  try {
    // Migrations once, as `lifelong migrate` would in a deployment; the runs below skip them.
    const migrate = spawn(process.execPath, [bin, 'migrate', '--config', config], {
      env: { ...process.env, DATABASE_URL: url.toString() },
      stdio: 'inherit',
    });
    if ((await new Promise((resolve) => migrate.on('exit', resolve))) !== 0) throw new Error('migrate failed');

    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const run = await startOnce(url.toString());
      process.stderr.write(
        `  run ${i + 1}/${RUNS}: ready ${run.readyMs.toFixed(0)} ms, RSS ${run.rssMb.toFixed(0)} MB\n`,
      );
      runs.push(run);
    }
    const result = {
      machine: { cpus: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), loadavg1m: loadavg()[0] },
      runs: RUNS,
      processToReadyMs: { median: median(runs.map((r) => r.readyMs)), max: Math.max(...runs.map((r) => r.readyMs)) },
      idleRssMb: { median: median(runs.map((r) => r.rssMb)) },
      gracefulStopMs: { median: median(runs.map((r) => r.stopMs)) },
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

await main();

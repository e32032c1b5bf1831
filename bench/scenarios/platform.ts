// The platform as deployed: `lifelong start` with every first-party plugin (startup/
// lifelong.config.ts) on a database migrated beforehand by `lifelong migrate`. Cold start is
// process spawn to the first 200 from /health/ready; idle memory is VmRSS after 2 s of idling;
// then /health/ready (one database round trip) under autocannon against the bare hono ceiling.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { firstPartyPluginNames } from '../first-party-plugins.js';
import { below, ratio, ratioAtLeast } from '../lib/judge.js';
import { describeErrors, load } from '../lib/load.js';
import type { Scenario } from '../lib/types.js';
import { HTTP_CEILING_CONNECTIONS } from './ceiling-hono.js';

const bin = fileURLToPath(new URL('../../core/bin/lifelong.js', import.meta.url));
const config = fileURLToPath(new URL('../startup/lifelong.config.ts', import.meta.url));
const secrets = {
  LIFELONG_NATIONAL_ID_HMAC_KEY: Buffer.alloc(32, 1).toString('base64'),
  LIFELONG_NATIONAL_ID_ENCRYPTION_KEYS: `bench:${Buffer.alloc(32, 2).toString('base64')}`,
  LIFELONG_ADMIN_KEY: 'llk_bench-admin-key-000000000000000000',
};
const IDLE_MS = 2000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line?.replace(/\D+/g, '') ?? 0) / 1024;
}

interface Started {
  url: string;
  readyMs: number;
  pid: number;
  stop(): Promise<void>;
}

async function start(databaseUrl: string): Promise<Started> {
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
    if (child.exitCode !== null || performance.now() - started > 30_000) {
      child.kill('SIGKILL');
      throw new Error(`no ready platform:\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return {
    url,
    readyMs: performance.now() - started,
    pid: child.pid as number,
    stop: async () => {
      child.kill('SIGTERM');
      const code = await exited;
      if (code !== 0) throw new Error(`lifelong start exited with ${code}:\n${stderr}`);
    },
  };
}

async function migrate(databaseUrl: string): Promise<void> {
  const child = spawn(process.execPath, [bin, 'migrate', '--config', config], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const code = await new Promise((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`lifelong migrate exited with ${code}`);
}

export const platform: Scenario = {
  id: 'platform',
  title: 'Platform with every first-party plugin',
  async run(ctx) {
    const name = 'lifelong_bench_platform';
    const databaseUrl = await ctx.createDatabase(name);
    const plugins = `plugins: ${firstPartyPluginNames.join(', ')}`;
    try {
      ctx.log(`  lifelong migrate (${plugins})`);
      await migrate(databaseUrl);
      const ready: number[] = [];
      const rss: number[] = [];
      for (let i = 0; i < ctx.sizes.coldStartRuns; i++) {
        const p = await start(databaseUrl);
        await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
        const mb = rssMb(p.pid);
        await p.stop();
        ready.push(p.readyMs);
        rss.push(mb);
        ctx.log(
          `  cold start ${i + 1}/${ctx.sizes.coldStartRuns}: ready in ${p.readyMs.toFixed(0)} ms, idle RSS ${mb.toFixed(0)} MB`,
        );
      }
      const p = await start(databaseUrl);
      let health: Awaited<ReturnType<typeof load>>;
      try {
        health = await load({
          label: '/health/ready',
          url: `${p.url}/health/ready`,
          connections: HTTP_CEILING_CONNECTIONS,
          seconds: ctx.sizes.loadSeconds,
        });
      } finally {
        await p.stop();
      }
      ctx.log(`  → /health/ready ${health.okPerSecond.toFixed(0)} requests/s, p99 ${health.p99} ms`);
      const coldStart = median(ready);
      const idleRss = median(rss);
      const healthRatio = ratio(ctx, health.okPerSecond, 'ceiling.hono.rps', 'bare hono requests/s');
      return [
        {
          id: 'platform.coldStart.ms',
          section: 'Platform',
          figure: 'cold start: process spawn to /health/ready 200, migrations applied',
          value: coldStart,
          unit: 'ms',
          target: below(coldStart, 1000, '< 1 s'),
          note: `median of ${ready.length}, max ${Math.max(...ready).toFixed(0)} ms; ${plugins}`,
        },
        {
          id: 'platform.idleRss.mb',
          section: 'Platform',
          figure: `idle memory (VmRSS after ${IDLE_MS / 1000} s idle)`,
          value: idleRss,
          unit: 'MB',
          target: below(idleRss, 150, '< 150 MB'),
          note: `median of ${rss.length}, max ${Math.max(...rss).toFixed(0)} MB; ${plugins}`,
        },
        {
          id: 'platform.healthReady.rps',
          section: 'Platform',
          figure: `/health/ready requests/s, ${HTTP_CEILING_CONNECTIONS} connections`,
          value: health.okPerSecond,
          unit: 'req/s',
          ratio: healthRatio,
          target: ratioAtLeast(healthRatio, 0.8, '≥ 80% of bare hono'),
          note: `p50 ${health.p50} ms, p99 ${health.p99} ms; ${describeErrors(health)}`,
        },
      ];
    } finally {
      await ctx.dropDatabase(name);
    }
  },
};

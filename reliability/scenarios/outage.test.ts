import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ScratchDatabase, scratchDatabase } from '../support/database.js';
import { sendBatch, transferFactory } from '../support/ledger-load.js';
import { call, type PlatformProcess, platformEnv, startPlatform } from '../support/platform-process.js';
import { TcpProxy } from '../support/tcp-proxy.js';

/**
 * Database outage, simulated at the network level: the platform reaches PostgreSQL through a TCP
 * proxy, and "stopping the database" means the proxy refuses new connections and cuts the open
 * ones (the machine's PostgreSQL is shared and stays up). Under load, during the outage, every
 * request must answer within a bound (no hangs) with 503 problem+json and Retry-After (never a
 * 500), `/health/ready` must say not ready, and after the outage the same process must recover.
 */
const OUTAGES = 2;
const OUTAGE_MS = 4000;
const WORKERS = 8;
/** No request may take longer than this, outage or not. */
const ANSWER_BOUND_MS = 10_000;

let db: ScratchDatabase;
let proxy: TcpProxy;
let platform: PlatformProcess | undefined;

beforeAll(async () => {
  db = await scratchDatabase('lifelong_rel_outage');
  const target = new URL(db.url);
  proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
  await proxy.up();
});
afterAll(async () => {
  platform?.child.kill('SIGKILL');
  await platform?.exited;
  await proxy?.down();
  await db?.drop();
});

interface Observation {
  phase: 'outage' | 'normal';
  path: string;
  status: number;
  ms: number;
  contentType: string | null;
  retryAfter: string | null;
  body: unknown;
}

it('answers 503 with Retry-After while PostgreSQL is unreachable, and recovers without a restart', async () => {
  platform = await startPlatform(platformEnv(proxy.urlFor(db.url)));
  const url = platform.url;
  const [asset] = await db.sql<{ id: string }[]>`
    select issuance_account_id as id from core.ledger_assets where code = 'CREDIT'`;
  const accounts: string[] = [];
  for (let i = 0; i < 4; i++) {
    const res = await call(url, '/v1/ledger/accounts', { method: 'POST', json: { asset: 'CREDIT' } });
    expect(res.status).toBe(201);
    accounts.push((res.body as { id: string }).id);
  }
  const next = transferFactory(asset?.id as string, accounts);

  const t0 = performance.now();
  const events: string[] = [];
  let phase: Observation['phase'] = 'normal';
  const observations: Observation[] = [];
  const failures: string[] = [];
  let running = true;
  const observe = async (path: string, init: Parameters<typeof call>[2] = {}) => {
    const during = phase;
    const sentAt = Math.round(performance.now() - t0);
    try {
      const res = await call(url, path, { ...init, timeoutMs: ANSWER_BOUND_MS });
      observations.push({
        phase: during,
        path,
        status: res.status,
        ms: res.ms,
        contentType: res.headers.get('content-type'),
        retryAfter: res.headers.get('retry-after'),
        body: res.body,
      });
    } catch (error) {
      failures.push(
        `${path} sent at ${sentAt} ms (${during}): no answer within ${ANSWER_BOUND_MS} ms (${(error as Error).name})`,
      );
    }
  };
  const worker = async (i: number) => {
    while (running) {
      if (i % 3 === 0) await observe(`/v1/ledger/accounts/${accounts[i % accounts.length]}`);
      else if (i % 3 === 1) await observe('/v1/ledger/transfers', { method: 'POST', json: { transfers: [next()] } });
      else await observe('/health/ready', { auth: null });
    }
  };
  const workers = Array.from({ length: WORKERS }, (_, i) => worker(i));

  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const recoveries: number[] = [];
  for (let outage = 1; outage <= OUTAGES; outage++) {
    await wait(1500);
    phase = 'outage';
    events.push(`down at ${Math.round(performance.now() - t0)} ms`);
    await proxy.down();
    // Requests in flight when the connections were cut may still succeed from memory or fail:
    // observe the steady outage after a moment.
    await wait(500);
    const outageStart = observations.length;
    await wait(OUTAGE_MS - 500);
    const during = observations.slice(outageStart).filter((o) => o.phase === 'outage');
    await proxy.up();
    events.push(`up at ${Math.round(performance.now() - t0)} ms`);
    phase = 'normal';
    const upAt = performance.now();
    // Recovery: the same process serves again (no restart), within a bound.
    let ready = false;
    let last: unknown;
    while (!ready && performance.now() - upAt < 30_000) {
      const res = await call(url, '/health/ready', { auth: null }).catch((error: Error) => error);
      last = res instanceof Error ? res.message : { status: res.status, body: res.body, ms: res.ms };
      ready = !(res instanceof Error) && res.status === 200;
      if (!ready) await wait(100);
    }
    expect(ready, `ready again after the outage (last: ${JSON.stringify(last)}) ${platform?.output()}`).toBe(true);
    recoveries.push(Math.round(performance.now() - upAt));

    expect(during.length, 'requests observed during the outage').toBeGreaterThan(0);
    const readiness = during.filter((o) => o.path === '/health/ready');
    expect(readiness.length).toBeGreaterThan(0);
    expect(readiness.every((o) => o.status === 503)).toBe(true);
    for (const o of during) {
      // Reads of a cached account could succeed; nothing may fail other than with a 503 problem.
      if (o.status < 400) continue;
      expect(o, `${o.path} during the outage`).toMatchObject({
        status: 503,
        contentType: 'application/problem+json',
        retryAfter: expect.stringMatching(/^[1-9][0-9]*$/),
      });
      expect(JSON.stringify(o.body)).not.toMatch(/ at .*\.(js|ts):\d+/);
    }
  }
  running = false;
  await Promise.all(workers);

  expect(failures, events.join(', ')).toEqual([]);
  const serverErrors = observations.filter((o) => o.status >= 500 && o.status !== 503);
  expect(serverErrors).toEqual([]);
  // After recovery, writes go through again.
  const after = await sendBatch(url, [next()]);
  expect(after.acknowledged).toBe(true);
  const slowest = Math.round(Math.max(...observations.map((o) => o.ms)));
  const outage503 = observations.filter((o) => o.phase === 'outage' && o.status === 503).length;
  console.log(
    `outage: ${OUTAGES} outages of ${OUTAGE_MS} ms, ${observations.length} requests ` +
      `(${outage503} answered 503 during outages), slowest answer ${slowest} ms, ` +
      `ready again ${recoveries.join(' ms, ')} ms after each outage ended; no restart`,
  );
});

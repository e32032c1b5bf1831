import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './db/database.js';
import { defineRoute } from './http/route.js';
import { createLogger } from './logging/logger.js';
import { createPlatform } from './platform.js';
import { createTestDatabase } from './testing/test-database.js';

// One database for the file; each test starts its own platform on it.
let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const quiet = () => createLogger({ level: 'silent' });

let releaseSlow: () => void = () => {};
const slowRoutes = {
  prefix: '/v1/slow',
  tag: 'Slow',
  routes: [
    defineRoute({
      method: 'get',
      path: '',
      summary: 'Answers when the test says so',
      access: { public: true },
      responses: { 200: { description: 'Done' } },
      handler: async () => {
        await new Promise<void>((resolve) => {
          releaseSlow = resolve;
        });
        return { status: 200, body: undefined };
      },
    }),
  ],
};

function get(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    httpRequest(url, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    })
      .on('error', reject)
      .end();
  });
}

describe('bootstrap admin key', () => {
  it('creates the configured key on first start only, and it authenticates as platform admin', async () => {
    const key = 'llk_operator-chosen-key-with-enough-length';
    const first = createPlatform({ database, env: {}, settings: { adminKey: key }, logger: quiet() });
    const started = await first.start({ listen: false });
    expect(started.generatedAdminKey).toBeUndefined();
    const res = await first.app.request('/health/live', { headers: { Authorization: `Bearer ${key}` } });
    expect(res.status).toBe(200);

    // A second start on the same database creates nothing, even with another key configured.
    const second = createPlatform({ database, env: {}, settings: { adminKey: `${key}-other` }, logger: quiet() });
    expect((await second.start({ listen: false })).generatedAdminKey).toBeUndefined();
    const other = await second.app.request('/health/live', { headers: { Authorization: `Bearer ${key}-other` } });
    expect(other.status).toBe(401);
  });

  it('generates a random key, returned once, when none is configured', async () => {
    const fresh = await createTestDatabase();
    try {
      const platform = createPlatform({ database: fresh, env: {}, logger: quiet() });
      const { generatedAdminKey } = await platform.start({ listen: false });
      expect(generatedAdminKey).toMatch(/^llk_[A-Za-z0-9_-]{43}$/);
      const res = await platform.app.request('/health/live', {
        headers: { Authorization: `Bearer ${generatedAdminKey}` },
      });
      expect(res.status).toBe(200);
      const again = createPlatform({ database: fresh, env: {}, logger: quiet() });
      expect((await again.start({ listen: false })).generatedAdminKey).toBeUndefined();
    } finally {
      await fresh.close();
    }
  });
});

describe('graceful shutdown', () => {
  it('finishes in-flight requests, refuses new connections and reports not ready meanwhile', async () => {
    const platform = createPlatform({
      database,
      env: {},
      settings: { port: 0 },
      logger: quiet(),
      routes: [slowRoutes],
    });
    const { url } = await platform.start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const inFlight = get(`${url}/v1/slow`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const stopped = platform.stop();
    expect((await platform.app.request('/health/ready')).status).toBe(503);
    await expect(get(`${url}/health/live`)).rejects.toThrow(/ECONNREFUSED/);

    releaseSlow();
    expect(await inFlight).toBe(200);
    await stopped;
  });

  it('closes connections still open after the shutdown timeout', async () => {
    const platform = createPlatform({
      database,
      env: {},
      settings: { port: 0, shutdownTimeoutMs: 100 },
      logger: quiet(),
      routes: [slowRoutes],
    });
    const { url } = await platform.start();
    const inFlight = get(`${url}/v1/slow`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await platform.stop();
    expect(Date.now() - started).toBeLessThan(2000);
    await expect(inFlight).rejects.toThrow(/socket hang up|ECONNRESET/);
    releaseSlow();
  });

  it('fails to start, with the cause, when the port is taken', async () => {
    const first = createPlatform({ database, env: {}, settings: { port: 0 }, logger: quiet() });
    const { url } = await first.start();
    const port = Number(new URL(url ?? '').port);
    const second = createPlatform({ database, env: {}, settings: { port }, logger: quiet() });
    await expect(second.start()).rejects.toThrow(/EADDRINUSE/);
    await first.stop();
  });

  it('can be stopped twice', async () => {
    const platform = createPlatform({ database, env: {}, settings: { port: 0 }, logger: quiet() });
    await platform.start();
    await Promise.all([platform.stop(), platform.stop()]);
  });
});

describe('configuration checks', () => {
  it('refuses PostgreSQL without the national ID keys when it is created, before start() opens anything', () => {
    expect(() =>
      createPlatform({ env: { DATABASE_URL: 'postgres://nowhere.invalid/lifelong' }, logger: quiet() }),
    ).toThrow(/LIFELONG_NATIONAL_ID_HMAC_KEY \(missing\)[\s\S]*LIFELONG_NATIONAL_ID_ENCRYPTION_KEYS \(missing\)/);
  });
});

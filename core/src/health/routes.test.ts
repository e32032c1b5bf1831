import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logging/logger.js';
import { createPlatform } from '../platform.js';
import { createTestPlatform, type TestPlatform } from '../testing/index.js';
import { createTestDatabase } from '../testing/test-database.js';
import { READY_FRESH_MS, sharedCheck } from './routes.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

describe('health', () => {
  it('reports live', async () => {
    const res = await t.request('/health/live');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('reports ready when the database answers', async () => {
    const res = await t.request('/health/ready');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('reports not ready, with Retry-After, once the database is gone', async () => {
    const database = await createTestDatabase();
    const platform = createPlatform({ database, env: {}, logger: createLogger({ level: 'silent' }) });
    await platform.start({ listen: false });
    expect((await platform.app.request('/health/ready')).status).toBe(200);

    await database.close();
    // A success answers probes for READY_FRESH_MS; the next probe after that asks the database.
    await new Promise((resolve) => setTimeout(resolve, READY_FRESH_MS + 50));
    const res = await platform.app.request('/health/ready');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE', detail: 'The database is not reachable.' });
    // Liveness does not depend on the database.
    expect((await platform.app.request('/health/live')).status).toBe(200);
  });
});

describe('sharedCheck', () => {
  it('runs one check for concurrent callers, reuses a success while fresh, and never a failure', async () => {
    let clock = 0;
    let calls = 0;
    let fail = false;
    const check = sharedCheck(
      async () => {
        calls++;
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (fail) throw new Error('down');
      },
      100,
      () => clock,
    );
    await Promise.all([check(), check(), check()]);
    expect(calls).toBe(1);
    clock = 99;
    await check();
    expect(calls).toBe(1);
    clock = 100;
    fail = true;
    await expect(Promise.all([check(), check()])).rejects.toThrow('down');
    expect(calls).toBe(2);
    await expect(check()).rejects.toThrow('down');
    expect(calls).toBe(3);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logging/logger.js';
import { createPlatform } from '../platform.js';
import { createTestPlatform, type TestPlatform } from '../testing/index.js';
import { createTestDatabase } from '../testing/test-database.js';

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
    const res = await platform.app.request('/health/ready');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE', detail: 'The database is not reachable.' });
    // Liveness does not depend on the database.
    expect((await platform.app.request('/health/live')).status).toBe(200);
  });
});

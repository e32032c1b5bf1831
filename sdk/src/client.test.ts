import { createTestPlatform, type TestPlatform } from '@lifelong/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, LifelongError } from './index.js';

// Against a real in-process platform: the SDK's fetch is the platform app's own handler.
let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

const client = (token?: string) =>
  createClient({
    baseUrl: 'http://lifelong.test/',
    ...(token ? { token } : {}),
    fetch: (request) => Promise.resolve(t.platform.app.fetch(request)),
  });

describe('SDK client', () => {
  it('reads health', async () => {
    await expect(client().health.ready()).resolves.toEqual({ status: 'ok' });
  });

  it('throws a LifelongError carrying the problem for a non-2xx answer', async () => {
    const error = await client()
      .request('GET', '/v1/nowhere')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LifelongError);
    expect(error).toMatchObject({ status: 404, code: 'NOT_FOUND', problem: { instance: '/v1/nowhere' } });
  });

  it('sends the bearer token', async () => {
    await expect(client('llk_wrong').health.live()).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    await expect(client(t.adminKey).health.live()).resolves.toEqual({ status: 'ok' });
  });
});

import { fileURLToPath } from 'node:url';
import { loadConfigFile } from '@lifelong/core';
import { createTestPlatform, type TestPlatform } from '@lifelong/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let t: TestPlatform;
beforeAll(async () => {
  // Loaded the way `lifelong start` loads it.
  const { config } = await loadConfigFile('lifelong.config.ts', fileURLToPath(new URL('..', import.meta.url)));
  t = await createTestPlatform({
    ...(config.plugins ? { plugins: config.plugins } : {}),
    ...(config.regions ? { regions: config.regions } : {}),
  });
});
afterAll(() => t?.close());

const startClub = async (region: string) => {
  const person = await t.person({ region: 'cn-bj' });
  return t.request('/v1/reading-club/clubs', {
    method: 'POST',
    auth: person.token,
    json: { name: 'Hutong readers' },
    headers: { 'Lifelong-Region': region },
  });
};

describe('lifelong.config.ts', () => {
  it('installs the reading-club plugin', async () => {
    const { items } = await (await t.request('/v1/plugins')).json();
    expect(items.find((p: { id: string }) => p.id === 'reading-club').regions).toEqual([
      { regionId: 'cn-bj', enabled: true },
      { regionId: 'cn-sh', enabled: false },
    ]);
  });

  it('enables the plugin in cn-bj with that region’s config', async () => {
    expect((await startClub('cn-bj')).status).toBe(201);
    const state = await (await t.request('/v1/regions/cn-bj/plugins/reading-club', { auth: 'admin' })).json();
    expect(state).toMatchObject({ enabled: true, config: { pointsPerBook: 20, maxClubSize: 12 } });
  });

  it('leaves it disabled in cn-sh, where its routes answer 404', async () => {
    const res = await startClub('cn-sh');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });
});

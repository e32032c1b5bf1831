import { createTestPlatform, type TestPlatform } from '@lifelong/core/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import creditBank from './index.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform({ plugins: [creditBank] });
});
afterAll(() => t.close());

it('installs, migrates and is enabled in the default region', async () => {
  const res = await t.request('/v1/plugins');
  const plugin = (await res.json()).items.find((p: { id: string }) => p.id === 'credit-bank');
  expect(plugin).toMatchObject({ id: 'credit-bank', regions: [{ regionId: 'default', enabled: true }] });
});

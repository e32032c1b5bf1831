import { createTestPlatform, type TestPlatform } from '@lifelong/core/testing';
import creditBank from '@lifelong/plugin-credit-bank';
import { afterAll, beforeAll, expect, it } from 'vitest';
import teacherDevelopment from './index.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform({ plugins: [teacherDevelopment, creditBank] });
});
afterAll(() => t.close());

it('installs after the credit bank it requires, and is enabled in the default region', async () => {
  const res = await t.request('/v1/plugins');
  const ids = (await res.json()).items.map((p: { id: string }) => p.id);
  expect(ids.indexOf('credit-bank')).toBeLessThan(ids.indexOf('teacher-development'));
});

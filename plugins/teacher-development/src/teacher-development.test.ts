import { createTestPlatform, type TestPlatform } from '@lifelong/core/testing';
import assessments from '@lifelong/plugin-assessments';
import creditBank from '@lifelong/plugin-credit-bank';
import { afterAll, beforeAll, expect, it } from 'vitest';
import teacherDevelopment from './index.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform({ plugins: [teacherDevelopment, creditBank, assessments] });
});
afterAll(() => t.close());

it('installs after the credit bank and assessments it requires, and is enabled in the default region', async () => {
  const res = await t.request('/v1/plugins');
  const ids = (await res.json()).items.map((p: { id: string }) => p.id);
  expect(ids.indexOf('credit-bank')).toBeLessThan(ids.indexOf('teacher-development'));
  expect(ids.indexOf('assessments')).toBeGreaterThanOrEqual(0);
  expect(ids.indexOf('assessments')).toBeLessThan(ids.indexOf('teacher-development'));
});

it('publishes its routes in OpenAPI with their permissions and access rules', async () => {
  const res = await t.request('/openapi.json');
  expect(res.status).toBe(200);
  const doc = await res.json();
  const paths = doc.paths as Record<string, Record<string, Record<string, unknown>>>;
  expect(paths['/v1/teacher-development/courses/{courseId}/review']?.post?.['x-permission']).toBe(
    'teacher-development.courses.review',
  );
  expect(paths['/v1/teacher-development/slots/{slotId}/bookings']?.post?.['x-access']).toBe(
    'approved teachers of the region',
  );
  expect(Object.keys(paths).filter((p) => p.startsWith('/v1/teacher-development/')).length).toBeGreaterThan(40);
});

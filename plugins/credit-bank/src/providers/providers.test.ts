import { createTestPlatform, type TestPlatform, type TestPrincipals } from '@lifelong/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import creditBank from '../index.js';

let t: TestPlatform;
let p: TestPrincipals;
beforeAll(async () => {
  t = await createTestPlatform({ plugins: [creditBank] });
  p = await t.principals();
});
afterAll(() => t?.close());

const call = (method: string, path: string, auth?: string, json?: unknown) =>
  t.request(`/v1/credit-bank${path}`, {
    method,
    ...(auth ? { auth } : {}),
    ...(json !== undefined ? { json } : {}),
  });

const accreditation = (institutionId: string) => ({
  institutionId,
  capabilities: ['award', 'verify'],
  stages: ['vocational'],
  validFrom: '2026-01-01T00:00:00Z',
  validTo: '2027-01-01T00:00:00Z',
});

describe('accredited providers', () => {
  it("are managed by providers.manage in the institution's region only", async () => {
    const body = accreditation(p.institution.id);
    expect((await call('POST', '/providers', undefined, body)).status).toBe(401);
    for (const who of [p.learner.token, p.registrar.token, p.otherRegionAdmin.token, p.institution.key]) {
      expect((await call('POST', '/providers', who, body)).status).toBe(403);
    }
    const res = await call('POST', '/providers', p.regionAdmin.token, body);
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created).toMatchObject({
      institutionId: p.institution.id,
      regionId: 'default',
      stages: ['vocational'],
      levels: [],
    });

    expect((await call('PATCH', `/providers/${created.id}`, p.otherRegionAdmin.token, { validTo: null })).status).toBe(
      403,
    );
    const patched = await call('PATCH', `/providers/${created.id}`, p.regionAdmin.token, { validTo: null });
    expect(patched.status).toBe(200);
    expect((await patched.json()).validTo).toBeNull();
  });

  it('are listed and read publicly', async () => {
    const created = await (
      await call('POST', '/providers', p.regionAdmin.token, accreditation(p.institution.id))
    ).json();
    const list = await (await call('GET', `/providers?institutionId=${p.institution.id}&limit=200`)).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(created.id);
    expect((await call('GET', `/providers/${created.id}`)).status).toBe(200);
    expect((await call('GET', '/providers/0190a8d4-6a1e-7c3b-9f00-000000000001')).status).toBe(404);
  });

  it('refuse unknown institutions, bad periods and unknown stages with 400 naming the field', async () => {
    for (const [body, path] of [
      [
        { ...accreditation(p.institution.id), institutionId: '0190a8d4-6a1e-7c3b-9f00-000000000001' },
        '/body/institutionId',
      ],
      [{ ...accreditation(p.institution.id), validTo: '2025-01-01T00:00:00Z' }, '/body/validTo'],
      [{ ...accreditation(p.institution.id), stages: ['kindergarten'] }, '/body/stages/0'],
      [{ ...accreditation(p.institution.id), capabilities: [] }, '/body/capabilities'],
    ] as const) {
      const res = await call('POST', '/providers', p.regionAdmin.token, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await res.json()).errors.map((e: { path: string }) => e.path)).toContain(path);
    }
  });
});

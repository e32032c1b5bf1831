import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../testing/index.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
  await t.request('/v1/regions', { method: 'POST', auth: 'admin', json: { id: 'cn-gd', name: 'Guangdong' } });
});
afterAll(() => t.close());

const post = (path: string, json: unknown, auth: string) => t.request(path, { method: 'POST', json, auth });

async function institution(regionId = 'default') {
  const res = await post(
    '/v1/institutions',
    { name: 'Lifelong Vocational College', kind: 'school', regionId },
    'admin',
  );
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; accreditation: string };
}

describe('institutions', () => {
  it('are registered pending accreditation and listed publicly with filters', async () => {
    const created = await institution('cn-gd');
    expect(created.accreditation).toBe('pending');
    const list = await (await t.request('/v1/institutions?regionId=cn-gd&kind=school')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(created.id);
    expect((await t.request(`/v1/institutions/${created.id}`)).status).toBe(200);
  });

  it('are accredited by a region admin of their region only', async () => {
    const created = await institution('cn-gd');
    const admin = await t.person({ roles: [{ role: 'region-admin', scope: { type: 'region', id: 'cn-gd' } }] });
    const outsider = await t.person({ roles: [{ role: 'region-admin', scope: { type: 'region', id: 'default' } }] });
    const put = (auth: string) =>
      t.request(`/v1/institutions/${created.id}/accreditation`, {
        method: 'PUT',
        auth,
        json: { status: 'accredited' },
      });
    expect((await put(outsider.token)).status).toBe(403);
    const res = await put(admin.token);
    expect(res.status).toBe(200);
    expect((await res.json()).accreditation).toBe('accredited');
  });

  it('pages through a long list without repeats', async () => {
    for (let i = 0; i < 5; i++) await institution();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = await (
        await t.request(`/v1/institutions?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(5);
  });

  it('rejects a tampered cursor with 400', async () => {
    const res = await t.request('/v1/institutions?cursor=bm90LWpzb24');
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].path).toBe('/query/cursor');
  });
});

describe('API keys', () => {
  it('are shown once, authenticate as their role, are listed without the key, and can be revoked', async () => {
    const { id: institutionId } = await institution();
    const created = await post('/v1/api-keys', { name: 'Registry sync', role: 'issuer', institutionId }, 'admin');
    expect(created.status).toBe(201);
    const key = await created.json();
    expect(key).toMatchObject({
      key: expect.stringMatching(/^llk_/),
      role: 'issuer',
      scope: { type: 'institution', id: institutionId },
    });

    const me = await (await t.request('/v1/me', { auth: key.key })).json();
    expect(me).toMatchObject({ kind: 'apiKey', name: 'Registry sync', roles: [{ role: 'issuer' }] });

    const list = await (await t.request('/v1/api-keys?limit=200', { auth: 'admin' })).json();
    const listed = list.items.find((k: { id: string }) => k.id === key.id);
    expect(listed).toMatchObject({ keyPrefix: key.key.slice(0, 8) });
    expect(JSON.stringify(list)).not.toContain(key.key);

    expect((await t.request(`/v1/api-keys/${key.id}`, { method: 'DELETE', auth: 'admin' })).status).toBe(204);
    expect((await t.request('/v1/me', { auth: key.key })).status).toBe(401);
  });

  it('lets a region admin create keys for their region only, and never platform-admin keys', async () => {
    const admin = await t.person({ roles: [{ role: 'region-admin', scope: { type: 'region', id: 'default' } }] });
    const { id: local } = await institution('default');
    const { id: foreign } = await institution('cn-gd');
    expect((await post('/v1/api-keys', { name: 'ok', role: 'issuer', institutionId: local }, admin.token)).status).toBe(
      201,
    );
    expect(
      (await post('/v1/api-keys', { name: 'no', role: 'issuer', institutionId: foreign }, admin.token)).status,
    ).toBe(403);
    expect(
      (await post('/v1/api-keys', { name: 'no', role: 'platform-admin', regionId: 'default' }, admin.token)).status,
    ).toBe(403);
    expect((await post('/v1/api-keys', { name: 'no', role: 'issuer' }, admin.token)).status).toBe(403);
  });
});

describe('role grants', () => {
  it('let a region admin grant region roles in their region, but not platform-admin or elsewhere', async () => {
    const admin = await t.person({ roles: [{ role: 'region-admin', scope: { type: 'region', id: 'default' } }] });
    const person = await t.person();
    const grant = (json: unknown) => post(`/v1/people/${person.learnerNumber}/roles`, json, admin.token);
    expect((await grant({ role: 'registrar', scope: { type: 'region', id: 'default' } })).status).toBe(201);
    expect((await grant({ role: 'registrar', scope: { type: 'region', id: 'cn-gd' } })).status).toBe(403);
    expect((await grant({ role: 'platform-admin', scope: { type: 'platform' } })).status).toBe(403);

    const roles = await (await t.request(`/v1/people/${person.learnerNumber}/roles`, { auth: person.token })).json();
    expect(roles.items).toEqual([
      expect.objectContaining({ role: 'registrar', scope: { type: 'region', id: 'default' } }),
    ]);
  });

  it('are idempotent and revocable, and a revoked role stops working', async () => {
    const person = await t.person();
    const body = { role: 'registrar', scope: { type: 'region', id: 'default' } };
    const first = await (await post(`/v1/people/${person.learnerNumber}/roles`, body, 'admin')).json();
    const second = await (await post(`/v1/people/${person.learnerNumber}/roles`, body, 'admin')).json();
    expect(second.id).toBe(first.id);
    const other = await t.person();
    expect((await t.request(`/v1/people/${other.learnerNumber}`, { auth: person.token })).status).toBe(200);
    const revoke = await t.request(`/v1/people/${person.learnerNumber}/roles/${first.id}`, {
      method: 'DELETE',
      auth: 'admin',
    });
    expect(revoke.status).toBe(204);
    expect((await t.request(`/v1/people/${other.learnerNumber}`, { auth: person.token })).status).toBe(403);
  });
});

describe('audit log', () => {
  it('shows region admins their region only', async () => {
    const gd = await t.person({ roles: [{ role: 'region-admin', scope: { type: 'region', id: 'cn-gd' } }] });
    await t.person({ region: 'cn-gd' });
    const { items } = await (await t.request('/v1/audit?limit=200', { auth: gd.token })).json();
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((e: { regionId: string }) => e.regionId))).toEqual(new Set(['cn-gd']));
  });

  it('refuses learners', async () => {
    const person = await t.person();
    expect((await t.request('/v1/audit', { auth: person.token })).status).toBe(403);
  });

  it('cannot be changed or deleted, even by the table owner', async () => {
    const { db } = t.platform.database;
    await expect(db.execute(sql`update core.audit_log set action = 'forged'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from core.audit_log`)).rejects.toThrow();
    await expect(db.execute(sql`truncate core.audit_log`)).rejects.toThrow();
  });
});

describe('regions', () => {
  it('are listed publicly, include default, and are created by platform admins only', async () => {
    const list = await (await t.request('/v1/regions')).json();
    expect(list.items.map((r: { id: string }) => r.id)).toContain('default');
    const person = await t.person();
    expect((await post('/v1/regions', { id: 'cn-zj', name: 'Zhejiang' }, person.token)).status).toBe(403);
    expect((await post('/v1/regions', { id: 'cn-zj', name: 'Zhejiang' }, 'admin')).status).toBe(201);
    expect((await post('/v1/regions', { id: 'cn-zj', name: 'Zhejiang' }, 'admin')).status).toBe(409);
  });
});

import { resultRows } from '@lifelong/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Harness, harness } from '../test-support.js';

let h: Harness;
beforeAll(async () => {
  h = await harness();
}, 300_000); // a fresh platform and its principals: minutes on a busy 2-core machine
afterAll(() => h?.t.close());

const create = (json: unknown, auth = h.p.institution.key) =>
  h.t.request('/v1/learning-records/credentials', { method: 'POST', auth, json });

it('creates a credential whose secret is shown once and stored only as a hash', async () => {
  const res = await create({ institutionId: h.p.institution.id, name: 'Moodle', scopes: ['statements/write'] });
  expect(res.status).toBe(201);
  const body = await res.json();
  expect(body).toMatchObject({
    institutionId: h.p.institution.id,
    name: 'Moodle',
    scopes: ['statements/write'],
    revokedAt: null,
  });
  expect(body.key).toMatch(/^[0-9a-f]{24}$/);
  expect(body.secret.length).toBeGreaterThanOrEqual(32);
  const rows = resultRows<{ secret_hash: string }>(
    await h.t.platform.database.db.execute(
      sql`select secret_hash from learning_records.credentials where id = ${body.id}`,
    ),
  );
  expect(rows[0]?.secret_hash).toMatch(/^[0-9a-f]{64}$/);
  expect(JSON.stringify(rows)).not.toContain(body.secret);
  const list = await (
    await h.t.request(`/v1/learning-records/credentials?institutionId=${h.p.institution.id}`, {
      auth: h.p.institution.key,
    })
  ).json();
  expect(list.items.map((c: { id: string }) => c.id)).toContain(body.id);
  expect(JSON.stringify(list)).not.toContain(body.secret);
  expect(h.t.rawLogs()).not.toContain(body.secret);
});

it('refuses bad input with 400 naming the field and rule', async () => {
  const cases: [unknown, string][] = [
    [{ institutionId: h.p.institution.id, name: 'x', scopes: [] }, '/body/scopes'],
    [{ institutionId: h.p.institution.id, name: 'x', scopes: ['define'] }, '/body/scopes/0'],
    [{ institutionId: h.p.institution.id, name: 'x', scopes: ['all', 'all'] }, '/body/scopes'],
    [{ institutionId: 'nope', name: 'x', scopes: ['all'] }, '/body/institutionId'],
    [{ institutionId: h.p.institution.id, name: '', scopes: ['all'] }, '/body/name'],
  ];
  for (const [json, path] of cases) {
    const res = await create(json);
    expect(res.status).toBe(400);
    const problem = await res.json();
    expect(problem.errors.map((e: { path: string }) => e.path)).toContain(path);
  }
});

it('pages the list with limit and cursor', async () => {
  for (let i = 0; i < 3; i++) await create({ institutionId: h.p.institution.id, name: `LMS ${i}`, scopes: ['all'] });
  const first = await (
    await h.t.request(`/v1/learning-records/credentials?institutionId=${h.p.institution.id}&limit=2`, {
      auth: h.p.institution.key,
    })
  ).json();
  expect(first.items).toHaveLength(2);
  const next = await (
    await h.t.request(
      `/v1/learning-records/credentials?institutionId=${h.p.institution.id}&limit=2&cursor=${first.nextCursor}`,
      { auth: h.p.institution.key },
    )
  ).json();
  expect(next.items[0].id > first.items[1].id).toBe(true);
});

it('revokes a credential once; revoking again is a no-op that keeps the first time', async () => {
  const body = await (await create({ institutionId: h.p.institution.id, name: 'Old LMS', scopes: ['all'] })).json();
  const del = () =>
    h.t.request(`/v1/learning-records/credentials/${body.id}`, { method: 'DELETE', auth: h.p.institution.key });
  expect((await del()).status).toBe(204);
  const list = async () =>
    (
      await (
        await h.t.request(`/v1/learning-records/credentials?institutionId=${h.p.institution.id}&limit=200`, {
          auth: h.p.institution.key,
        })
      ).json()
    ).items.find((c: { id: string }) => c.id === body.id);
  const revokedAt = (await list()).revokedAt;
  expect(revokedAt).not.toBeNull();
  expect((await del()).status).toBe(204);
  expect((await list()).revokedAt).toBe(revokedAt);
});

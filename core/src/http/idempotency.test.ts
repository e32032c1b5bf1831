import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultRows } from '../db/database.js';
import { createTestPlatform, type TestPerson, type TestPlatform } from '../testing/index.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

const post = (path: string, json: unknown, auth: string, key?: string) =>
  t.request(path, { method: 'POST', json, auth, ...(key ? { headers: { 'Idempotency-Key': key } } : {}) });

const groupCount = async (owner: TestPerson) =>
  (await (await t.request('/v1/groups?limit=100', { auth: owner.token })).json()).items.length;

const storedRows = async (principal: string) =>
  resultRows<{ path: string; status: number; body: string | null }>(
    await t.platform.database.db.execute(
      sql`select path, status, body::text as body from core.idempotency_keys where principal = ${principal}`,
    ),
  );

describe('Idempotency-Key on core POST routes', () => {
  it('creates one group for two POSTs with the same key, and answers both alike', async () => {
    const owner = await t.person();
    const first = await post('/v1/groups', { type: 'family', name: 'The Wangs' }, owner.token, 'group-1');
    const again = await post('/v1/groups', { type: 'family', name: 'The Wangs' }, owner.token, 'group-1');
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect(await groupCount(owner)).toBe(1);
  });

  it('refuses the same key with a different body (IDEMPOTENCY_KEY_REUSED), creating nothing', async () => {
    const owner = await t.person();
    expect((await post('/v1/groups', { type: 'family', name: 'One' }, owner.token, 'group-2')).status).toBe(201);
    const reused = await post('/v1/groups', { type: 'family', name: 'Two' }, owner.token, 'group-2');
    expect(reused.status).toBe(422);
    expect((await reused.json()).code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await groupCount(owner)).toBe(1);
  });

  it('gives another principal with the same key its own result', async () => {
    const one = await t.person();
    const other = await t.person();
    const mine = await post('/v1/groups', { type: 'family', name: 'Same' }, one.token, 'group-3');
    const theirs = await post('/v1/groups', { type: 'family', name: 'Same' }, other.token, 'group-3');
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect((await theirs.json()).id).not.toBe((await mine.json()).id);
    expect(await groupCount(other)).toBe(1);
  });

  it('runs a key once when the same request arrives many times at once', async () => {
    const owner = await t.person();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => post('/v1/groups', { type: 'family', name: 'Crowd' }, owner.token, 'group-4')),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(6).fill(201));
    expect(new Set(await Promise.all(answers.map(async (r) => (await r.json()).id))).size).toBe(1);
    expect(await groupCount(owner)).toBe(1);
  });

  it('forgets the key of a request that failed, so a corrected retry may use it', async () => {
    const owner = await t.person();
    const bad = await post(
      '/v1/institutions',
      { name: 'Nowhere College', kind: 'school', regionId: 'atlantis' },
      'admin',
      `inst-${owner.id}`,
    );
    expect(bad.status).toBeGreaterThanOrEqual(400);
    const again = await post(
      '/v1/institutions',
      { name: 'Nowhere College', kind: 'school', regionId: 'atlantis' },
      'admin',
      `inst-${owner.id}`,
    );
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    expect(again.status).toBe(bad.status);
  });

  it('replays a created API key without storing its secret in the clear', async () => {
    const key = `api-key-${Date.now()}`;
    const body = { name: 'Registry sync', role: 'platform-admin' };
    const first = await post('/v1/api-keys', body, 'admin', key);
    expect(first.status).toBe(201);
    const created = await first.json();
    expect(created.key).toMatch(/^llk_/);
    const again = await post('/v1/api-keys', body, 'admin', key);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await again.json()).key).toBe(created.key);
    const list = await (await t.request('/v1/api-keys?limit=200', { auth: 'admin' })).json();
    expect(list.items.filter((k: { id: string }) => k.id === created.id)).toHaveLength(1);
    const rows = (await storedRows(`api-key:${created.createdBy ?? ''}`)).concat(
      resultRows<{ path: string; status: number; body: string | null }>(
        await t.platform.database.db.execute(
          sql`select path, status, body::text as body from core.idempotency_keys where path = '/v1/api-keys'`,
        ),
      ),
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.status).toBe(201);
      expect(row.body).not.toContain(created.key);
      expect(row.body).not.toContain(created.key.slice(4, 20));
    }
  });

  it('lists the Idempotency-Key errors for every POST route in OpenAPI', async () => {
    const doc = await (await t.request('/openapi.json')).json();
    const posts = Object.entries(doc.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>)
      .filter(([, item]) => item.post)
      .map(([path, item]) => [path, JSON.stringify(item.post?.responses)] as const);
    expect(posts.length).toBeGreaterThan(10);
    for (const [path, responses] of posts) {
      expect(responses, path).toContain('IDEMPOTENCY_KEY_REUSED');
      expect(responses, path).toContain('IDEMPOTENCY_KEY_IN_PROGRESS');
    }
  });
});

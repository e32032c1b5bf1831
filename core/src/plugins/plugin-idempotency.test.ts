import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultRows } from '../db/database.js';
import { createTestPlatform, type TestPerson, type TestPlatform } from '../testing/index.js';
import { notesPlugin, vaultPlugin } from './fixtures/plugins.js';

let t: TestPlatform;
let moderator: TestPerson;
beforeAll(async () => {
  t = await createTestPlatform({ plugins: [notesPlugin, vaultPlugin] });
  moderator = await t.person({ roles: [{ role: 'region-admin', scope: { type: 'region', id: 'default' } }] });
});
afterAll(() => t.close());

// The notes plugin also writes a welcome note for every registered person, from an event:
// deliver those first, so the count moves only with the requests under test.
const noteCount = async () => {
  await t.drainEvents();
  return (await (await t.request('/v1/notes/notes', { auth: moderator.token })).json()).count;
};
const write = (auth: string, key: string | undefined, text = 'remember the milk') =>
  t.request('/v1/notes/notes', {
    method: 'POST',
    auth,
    json: { text },
    ...(key ? { headers: { 'Idempotency-Key': key } } : {}),
  });

describe('Idempotency-Key on plugin POST routes', () => {
  it('replays the first answer for a repeated key, and the effect happens once', async () => {
    const person = await t.person();
    const before = await noteCount();
    const first = await write(person.token, 'key-1');
    const again = await write(person.token, 'key-1');
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect(await noteCount()).toBe(before + 1);
  });

  it('refuses the same key for a different request with 422, and keys are per caller', async () => {
    const person = await t.person();
    const other = await t.person();
    expect((await write(person.token, 'key-2', 'one')).status).toBe(201);
    const reused = await write(person.token, 'key-2', 'two');
    expect(reused.status).toBe(422);
    expect(reused.headers.get('content-type')).toBe('application/problem+json');
    expect((await reused.json()).code).toBe('IDEMPOTENCY_KEY_REUSED');
    const theirs = await write(other.token, 'key-2', 'two');
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
  });

  it('forgets a key whose request failed: nothing was done, so a retry runs again', async () => {
    const person = await t.person({ verified: true });
    const send = () =>
      t.request('/v1/notes/rewards', {
        method: 'POST',
        auth: person.token,
        json: { points: 3, failAfter: true },
        headers: { 'Idempotency-Key': 'key-3' },
      });
    expect((await send()).status).toBe(500);
    const retry = await send();
    expect(retry.status).toBe(500);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
  });

  it('without a key, each request is its own', async () => {
    const person = await t.person();
    const before = await noteCount();
    await write(person.token, undefined);
    await write(person.token, undefined);
    expect(await noteCount()).toBe(before + 2);
  });

  it('checks the key: printable ASCII, 1 to 255 characters, else 400 naming the header', async () => {
    const person = await t.person();
    const res = await write(person.token, 'has space');
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0]).toMatchObject({ path: '/headers/idempotency-key', rule: 'pattern' });
    expect((await write(person.token, 'x'.repeat(256))).status).toBe(400);
  });

  it('runs a key once when the same request arrives many times at once', async () => {
    const person = await t.person();
    const before = await noteCount();
    const answers = await Promise.all(Array.from({ length: 10 }, () => write(person.token, 'key-4')));
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(201));
    const ids = new Set(await Promise.all(answers.map(async (r) => (await r.json()).id)));
    expect(ids.size).toBe(1);
    expect(await noteCount()).toBe(before + 1);
  });

  it('stores neither the key nor the answer in the clear, only the route, and digests keys as migration 0010 did', async () => {
    const person = await t.person();
    const key = `clear-key-${person.id}`;
    const res = await write(person.token, key);
    expect(res.status).toBe(201);
    const answer = await res.json();
    const rows = resultRows(
      await t.platform.database.db.execute(
        sql`select key, path, body::text as body, encode(sha256(convert_to(${key}, 'UTF8')), 'hex') as digest
            from core.idempotency_keys where principal = ${`person:${person.id}`}`,
      ),
    ) as { key: string; path: string; body: string; digest: string }[];
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row?.key).toBe(row?.digest);
    expect(row?.path).toBe('/v1/notes/notes');
    expect(row?.body).not.toContain(answer.id);
    expect(row?.body).not.toContain(answer.greeting);
    expect(JSON.stringify(rows)).not.toContain(key);
  });
});

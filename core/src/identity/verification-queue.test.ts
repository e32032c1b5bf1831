import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPerson, type TestPlatform } from '../testing/index.js';

// GET /v1/people: the registrars' queue of the request's region.
let t: TestPlatform;
let registrar: TestPerson;
beforeAll(async () => {
  t = await createTestPlatform();
  await t.request('/v1/regions', { method: 'POST', auth: 'admin', json: { id: 'north', name: 'North' } });
  // Unverified themself (people are, until a registrar decides): still never in their own queue.
  registrar = await t.person({ roles: [{ role: 'registrar', scope: { type: 'region', id: 'default' } }] });
});
afterAll(() => t.close());

const queue = async (query: string, auth = registrar.token, region = 'default') => {
  const res = await t.request(`/v1/people${query}`, { auth, headers: { 'Lifelong-Region': region } });
  return { status: res.status, body: await res.json() };
};
const numbers = (page: { items: { learnerNumber: string }[] }) => page.items.map((p) => p.learnerNumber);

describe('the verification queue', () => {
  it('lists the region’s unverified people oldest first, never the registrar themself, national IDs masked', async () => {
    const first = await t.person();
    const second = await t.person();
    const verified = await t.person({ verified: true });
    await t.person({ region: 'north' });

    const { status, body } = await queue('');
    expect(status).toBe(200);
    const listed = numbers(body);
    expect(listed.indexOf(first.learnerNumber)).toBeLessThan(listed.indexOf(second.learnerNumber));
    expect(listed.indexOf(first.learnerNumber)).toBeGreaterThanOrEqual(0);
    expect(listed).not.toContain(verified.learnerNumber);
    expect(listed).not.toContain(registrar.learnerNumber);
    expect(body.items.every((p: { regionId: string; status: string }) => p.regionId === 'default')).toBe(true);
    expect(body.items.every((p: { status: string }) => p.status === 'unverified')).toBe(true);
    expect(JSON.stringify(body)).not.toContain(first.nationalId);

    const decided = await queue('?status=verified');
    expect(numbers(decided.body)).toContain(verified.learnerNumber);
    expect(numbers(decided.body)).not.toContain(first.learnerNumber);
  });

  it('pages with a cursor: every waiting person exactly once', async () => {
    for (let i = 0; i < 3; i++) await t.person();
    const all = numbers((await queue('?limit=200')).body);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const { body } = await queue(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...numbers(body));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it('a decided person leaves the queue', async () => {
    const person = await t.person();
    expect(numbers((await queue('?limit=200')).body)).toContain(person.learnerNumber);
    const decided = await t.request(`/v1/people/${person.learnerNumber}/verification`, {
      method: 'POST',
      auth: registrar.token,
      json: { decision: 'reject', evidence: { kind: 'in-person', reference: 'desk 2' } },
    });
    expect(decided.status).toBe(200);
    expect(numbers((await queue('?limit=200')).body)).not.toContain(person.learnerNumber);
    expect(numbers((await queue('?status=rejected&limit=200')).body)).toContain(person.learnerNumber);
  });

  it('is refused in a region where the caller is not a registrar, and for a learner', async () => {
    expect((await queue('', registrar.token, 'north')).status).toBe(403);
    const learner = await t.person({ verified: true });
    const refused = await queue('', learner.token);
    expect(refused.status).toBe(403);
    expect(refused.body.type).toBeDefined();
  });

  it('names the field and the rule for a bad status or cursor', async () => {
    const badStatus = await queue('?status=merged');
    expect(badStatus.status).toBe(400);
    expect(JSON.stringify(badStatus.body)).toContain('/query/status');
    const badCursor = await queue('?cursor=bm90LWEtY3Vyc29y');
    expect(badCursor.status).toBe(400);
    expect(JSON.stringify(badCursor.body)).toContain('/query/cursor');
  });
});

import { createTestPlatform, type TestPerson, type TestPlatform } from '@lifelong/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import readingClub from './index.js';

// Against @lifelong/core's published entry points (dist/), exactly as a third party would test.

let t: TestPlatform;
let founder: TestPerson;
let outsider: TestPerson;
beforeAll(async () => {
  t = await createTestPlatform({
    plugins: [readingClub],
    regions: [
      // A small maxClubSize keeps the size-limit test short; it also proves the region's config reaches ctx.config.
      { id: 'default', name: 'Default', plugins: { 'reading-club': { config: { maxClubSize: 3 } } } },
      { id: 'elsewhere', name: 'Elsewhere', plugins: { 'reading-club': { enabled: false } } },
    ],
  });
  [founder, outsider] = await Promise.all([t.person(), t.person()]);
});
afterAll(() => t?.close());

type Options = { auth?: string; json?: unknown; region?: string };
const call = (method: string, path: string, { auth, json, region = 'default' }: Options = {}) =>
  t.request(`/v1/reading-club${path}`, {
    method,
    headers: { 'Lifelong-Region': region },
    ...(auth ? { auth } : {}),
    ...(json !== undefined ? { json } : {}),
  });

const createClub = async (name = 'Tuesday readers', auth = founder.token) => {
  const res = await call('POST', '/clubs', { auth, json: { name } });
  expect(res.status).toBe(201);
  return res.json();
};

const aLog = { title: 'The Little Prince', pages: 40, minutes: 35 };

describe('clubs', () => {
  it('are started by a signed-in person, who becomes the first member', async () => {
    const club = await createClub('Poetry circle');
    expect(club).toMatchObject({ name: 'Poetry circle', regionId: 'default', createdBy: founder.id, memberCount: 1 });
    const res = await call('POST', `/clubs/${club.id}/members`, { auth: founder.token });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ clubId: club.id, personId: founder.id });
  });

  it("are listed for the request's region, oldest first, a page at a time", async () => {
    const created = [await createClub('A'), await createClub('B'), await createClub('C')];
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const res = await call('GET', `/clubs${query}`, { auth: outsider.token });
      expect(res.status).toBe(200);
      const page = await res.json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((c: { id: string }) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    const ours = seen.filter((id) => created.some((c) => c.id === id));
    expect(ours).toEqual(created.map((c) => c.id));
  });

  it('count their members in the list', async () => {
    const club = await createClub('Counted');
    await call('POST', `/clubs/${club.id}/members`, { auth: outsider.token });
    const { items } = await (await call('GET', '/clubs?limit=200', { auth: founder.token })).json();
    expect(items.find((c: { id: string }) => c.id === club.id).memberCount).toBe(2);
  });

  it('reject a tampered cursor, naming the query parameter', async () => {
    const res = await call('GET', '/clubs?cursor=bm90LWEtY3Vyc29y', { auth: founder.token });
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].path).toBe('/query/cursor');
  });

  it('cannot be joined beyond the region’s maxClubSize (409 problem)', async () => {
    const club = await createClub('Small');
    const [second, third, fourth] = await Promise.all([t.person(), t.person(), t.person()]);
    const join = (p: TestPerson) => call('POST', `/clubs/${club.id}/members`, { auth: p.token });
    expect((await join(second as TestPerson)).status).toBe(201);
    expect((await join(third as TestPerson)).status).toBe(201);
    const full = await join(fourth as TestPerson);
    expect(full.status).toBe(409);
    expect(full.headers.get('content-type')).toBe('application/problem+json');
    expect(await full.json()).toMatchObject({ code: 'READING_CLUB_FULL', maxClubSize: 3 });
  });

  it('holds the size limit when people join at the same moment', async () => {
    const club = await createClub('Race');
    const people = await Promise.all([t.person(), t.person(), t.person(), t.person()]);
    const statuses = await Promise.all(
      people.map(async (p) => (await call('POST', `/clubs/${club.id}/members`, { auth: p.token })).status),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(2);
    expect(statuses.filter((s) => s === 409)).toHaveLength(2);
  });

  it('answer 404 for an unknown club', async () => {
    const res = await call('POST', '/clubs/01900000-0000-7000-8000-000000000000/members', { auth: founder.token });
    expect(res.status).toBe(404);
    expect((await res.json()).code).toBe('READING_CLUB_NOT_FOUND');
  });

  it('are for people: an API key is refused with 403', async () => {
    const res = await call('POST', '/clubs', { auth: 'admin', json: { name: 'Robots' } });
    expect(res.status).toBe(403);
    expect((await res.json()).code).toBe('READING_CLUB_PEOPLE_ONLY');
  });

  it('are removed by a region moderator only, with everything in them', async () => {
    const club = await createClub('Short-lived');
    await call('POST', `/clubs/${club.id}/reading-logs`, { auth: founder.token, json: aLog });
    expect((await call('DELETE', `/clubs/${club.id}`, { auth: founder.token })).status).toBe(403);
    const moderator = await t.person({ roles: [{ role: 'region-admin', scope: { type: 'region', id: 'default' } }] });
    expect((await call('DELETE', `/clubs/${club.id}`, { auth: moderator.token })).status).toBe(204);
    expect((await call('GET', `/clubs/${club.id}/reading-logs`, { auth: moderator.token })).status).toBe(404);
  });
});

describe('meetings', () => {
  it('are scheduled by members', async () => {
    const club = await createClub();
    const res = await call('POST', `/clubs/${club.id}/meetings`, {
      auth: founder.token,
      json: { at: '2026-12-01T18:30:00+08:00', topic: 'Chapters 1–3' },
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ clubId: club.id, at: '2026-12-01T10:30:00.000Z', topic: 'Chapters 1–3' });
  });

  it('are refused to non-members with 403', async () => {
    const club = await createClub();
    const res = await call('POST', `/clubs/${club.id}/meetings`, {
      auth: outsider.token,
      json: { at: '2026-12-01T18:30:00Z', topic: 'Crashing the party' },
    });
    expect(res.status).toBe(403);
    expect((await res.json()).code).toBe('READING_CLUB_NOT_A_MEMBER');
  });
});

describe('reading logs', () => {
  it('are written by members and read back, a page at a time', async () => {
    const club = await createClub();
    for (const pages of [10, 20, 30]) {
      const res = await call('POST', `/clubs/${club.id}/reading-logs`, {
        auth: founder.token,
        json: { ...aLog, pages },
      });
      expect(res.status).toBe(201);
    }
    const finished = await call('POST', `/clubs/${club.id}/reading-logs`, {
      auth: founder.token,
      json: { ...aLog, finished: true },
    });
    expect(await finished.json()).toMatchObject({ finished: true, personId: founder.id });

    const first = await (await call('GET', `/clubs/${club.id}/reading-logs?limit=3`, { auth: founder.token })).json();
    expect(first.items.map((l: { pages: number }) => l.pages)).toEqual([10, 20, 30]);
    expect(first.items[0]).toMatchObject({ finished: false, title: 'The Little Prince', minutes: 35 });
    const second = await (
      await call('GET', `/clubs/${club.id}/reading-logs?limit=3&cursor=${first.nextCursor}`, { auth: founder.token })
    ).json();
    expect(second).toMatchObject({ items: [{ finished: true }], nextCursor: null });
  });

  it('are neither written nor read by non-members (403)', async () => {
    const club = await createClub();
    const write = await call('POST', `/clubs/${club.id}/reading-logs`, { auth: outsider.token, json: aLog });
    expect(write.status).toBe(403);
    const read = await call('GET', `/clubs/${club.id}/reading-logs`, { auth: outsider.token });
    expect(read.status).toBe(403);
  });

  it('reject out-of-range pages and minutes, naming each field', async () => {
    const club = await createClub();
    const res = await call('POST', `/clubs/${club.id}/reading-logs`, {
      auth: founder.token,
      json: { title: '', pages: -1, minutes: 2000, extra: true },
    });
    expect(res.status).toBe(400);
    const paths = (await res.json()).errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/body/title', '/body/pages', '/body/minutes', '/body/extra']));
  });
});

describe('bad input', () => {
  it('names a malformed club id and a missing club name', async () => {
    const badId = await call('POST', '/clubs/not-a-uuid/members', { auth: founder.token });
    expect(badId.status).toBe(400);
    expect((await badId.json()).errors[0].path).toBe('/params/clubId');
    const noName = await call('POST', '/clubs', { auth: founder.token, json: {} });
    expect(noName.status).toBe(400);
    expect((await noName.json()).errors[0]).toMatchObject({ path: '/body/name', rule: 'required' });
  });
});

describe('access', () => {
  const id = '01900000-0000-7000-8000-000000000000';
  it.each([
    ['POST', '/clubs'],
    ['GET', '/clubs'],
    ['POST', `/clubs/${id}/members`],
    ['POST', `/clubs/${id}/meetings`],
    ['POST', `/clubs/${id}/reading-logs`],
    ['GET', `/clubs/${id}/reading-logs`],
    ['DELETE', `/clubs/${id}`],
  ])('%s %s answers 401 to anonymous callers', async (method, path) => {
    const res = await call(method, path, method === 'POST' ? { json: {} } : {});
    expect(res.status).toBe(401);
  });
});

describe('regions', () => {
  it('answers 404 problem+json where the plugin is disabled, even to signed-in people', async () => {
    const res = await call('GET', '/clubs', { auth: founder.token, region: 'elsewhere' });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect((await res.json()).detail).toContain('not enabled in region "elsewhere"');
  });

  it('keeps clubs to their region once enabled there at runtime', async () => {
    const club = await createClub('Default only');
    const enable = (enabled: boolean) =>
      t.request('/v1/regions/elsewhere/plugins/reading-club', { method: 'PUT', auth: 'admin', json: { enabled } });
    expect((await enable(true)).status).toBe(200);
    try {
      const list = await (await call('GET', '/clubs', { auth: founder.token, region: 'elsewhere' })).json();
      expect(list.items).toEqual([]);
      const join = await call('POST', `/clubs/${club.id}/members`, { auth: outsider.token, region: 'elsewhere' });
      expect(join.status).toBe(404);
    } finally {
      expect((await enable(false)).status).toBe(200);
    }
  });

  it('publishes its routes in OpenAPI under its own tag and version', async () => {
    const doc = await (await t.request('/openapi.json')).json();
    expect(doc.tags).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'reading-club', 'x-version': '0.1.0' })]),
    );
    expect(doc.paths['/v1/reading-club/clubs/{clubId}'].delete['x-permission']).toBe('reading-club.clubs.moderate');
  });
});

describe('points for finished books', () => {
  it("award the region's pointsPerBook through the ledger for a finished book only, and emit the event", async () => {
    const reader = await t.person();
    const club = await createClub('Finishers', reader.token);
    const points = async () => (await call('GET', '/points', { auth: reader.token })).json();
    expect(await points()).toEqual({ accountId: null, points: '0' });

    await call('POST', `/clubs/${club.id}/reading-logs`, { auth: reader.token, json: aLog });
    expect((await points()).points).toBe('0');

    const finished = await call('POST', `/clubs/${club.id}/reading-logs`, {
      auth: reader.token,
      json: { ...aLog, finished: true },
    });
    expect(finished.status).toBe(201);
    const after = await points();
    expect(after.points).toBe('10');

    // The points sit in the reader's own ledger account, which they can read through the core API.
    const account = await (await t.request(`/v1/ledger/accounts/${after.accountId}`, { auth: reader.token })).json();
    expect(account).toMatchObject({ asset: 'POINT', owner: { type: 'person', id: reader.id }, creditsPosted: '10' });

    // The event sits in the outbox with ids only.
    const { sql } = await import('drizzle-orm');
    const rows = await t.platform.database.db.execute(
      sql`select payload from core.events where name = 'reading-club.book.finished' and key = ${reader.id}`,
    );
    const list = Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows;
    expect(list).toEqual([
      { payload: { logId: (await finished.json()).id, clubId: club.id, personId: reader.id, points: '10' } },
    ]);
  });
});

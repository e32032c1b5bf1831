import { createHash } from 'node:crypto';
import { createTestPlatform, type TestPerson, type TestPlatform, type TestPrincipals } from '@lifelong/core/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import creditBank from '../index.js';
import { probe } from '../testing/probe.js';

let t: TestPlatform;
let p: TestPrincipals;
let offsetMs = 0;
let person: TestPerson;
const ids: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestPlatform({
    plugins: [creditBank, probe],
    now: () => new Date(Date.now() + offsetMs),
    regions: [
      {
        id: 'default',
        name: 'Default',
        plugins: { 'credit-bank': { config: { imports: { inlineRows: 10_000 }, transcript: { maxShareDays: 30 } } } },
      },
      { id: 'elsewhere', name: 'Elsewhere' },
    ],
  });
  p = await t.principals();
  person = await t.person({ verified: true });
  let n = 0;
  const award = async (name: string, overrides: Record<string, unknown>) => {
    const res = await t.request('/v1/cb-probe/completions', {
      method: 'POST',
      json: {
        source: 'transcript-test',
        sourceRef: `${name}-${++n}`,
        personId: person.id,
        regionId: 'default',
        equivalenceKey: name,
        title: name,
        stage: 'university',
        learningOutcomes: [],
        workloadHours: 50,
        assessment: { type: 'exam' },
        form: 'online',
        completedAt: '2026-03-01T00:00:00Z',
        ...overrides,
      },
    });
    ids[name] = (await res.json()).recordId;
  };
  await award('Algebra <script>alert(1)</script>', {});
  await award('Calculus', { workloadHours: 100 });
  await award('Welding', { stage: 'vocational', completedAt: '2025-10-01T00:00:00Z' });
  await award('Withdrawn course', { stage: 'vocational' });
  const res = await t.request(`/v1/credit-bank/records/${ids['Withdrawn course']}/withdrawal`, {
    method: 'POST',
    auth: p.regionAdmin.token,
    json: { reason: 'Entered twice' },
  });
  expect(res.status).toBe(200);
});
afterAll(() => t?.close());

const get = (path: string, auth?: string) => t.request(`/v1/credit-bank${path}`, auth ? { auth } : {});

describe('transcript', () => {
  it('totals active credits by stage, year and verification, lists every record, and shows no personal data', async () => {
    const res = await get(`/people/${person.learnerNumber}/transcript`, person.token);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(person.nationalId);
    expect(text).not.toContain(person.legalName);
    const transcript = JSON.parse(text);
    expect(transcript.totals).toEqual({ credits: '80', records: 3, withdrawn: 1, workloadHours: 200 });
    expect(transcript.byStage).toEqual([
      { stage: 'university', credits: '60', records: 2 },
      { stage: 'vocational', credits: '20', records: 1 },
    ]);
    expect(transcript.byYear).toEqual([
      { year: 2025, credits: '20', records: 1 },
      { year: 2026, credits: '60', records: 2 },
    ]);
    expect(transcript.byVerification).toEqual([{ verification: 'platform-recorded', credits: '80', records: 3 }]);
    expect(transcript.records.items).toHaveLength(4);
    expect(transcript.records.items.find((r: { id: string }) => r.id === ids['Withdrawn course']).status).toBe(
      'withdrawn',
    );
  });

  it('pages its records, oldest first, and refuses a tampered cursor', async () => {
    const path = `/people/${person.learnerNumber}/transcript`;
    const first = await (await get(`${path}?limit=3`, person.token)).json();
    expect(first.records.items.map((r: { title: string }) => r.title)[0]).toBe('Welding');
    const second = await (await get(`${path}?limit=3&cursor=${first.records.nextCursor}`, person.token)).json();
    expect([...first.records.items, ...second.records.items]).toHaveLength(4);
    expect(second.records.nextCursor).toBeNull();
    expect(second.totals.credits).toBe('80');
    const bad = await get(`${path}?cursor=bm9wZQ`, person.token);
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].path).toBe('/query/cursor');
  });

  it('prints as HTML, escaped', async () => {
    const res = await get(`/people/${person.learnerNumber}/transcript?format=html`, person.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const page = await res.text();
    expect(page).toContain(person.learnerNumber);
    expect(page).toContain('Algebra &lt;script&gt;');
    expect(page).not.toContain('<script>');
    expect(page).toContain('<td>8.0</td>');
  });

  it('is for the person, a minor’s guardian and the region’s record readers', async () => {
    const path = `/people/${person.learnerNumber}/transcript`;
    expect((await get(path)).status).toBe(401);
    for (const who of [p.otherLearner, p.guardian, p.otherRegionAdmin])
      expect((await get(path, who.token)).status).toBe(403);
    expect((await get(path, p.registrar.token)).status).toBe(200);
    expect((await get(`/people/${p.minor.learnerNumber}/transcript`, p.guardian.token)).status).toBe(200);
  });
});

describe('transcript shares', () => {
  const share = (json: unknown, auth = person.token) =>
    t.request('/v1/credit-bank/transcript/shares', { method: 'POST', auth, json });
  const inDays = (days: number) => new Date(Date.now() + offsetMs + days * 86_400_000).toISOString();

  it('show anyone with the link only what was chosen, until revoked', async () => {
    const res = await share({ expiresAt: inDays(7), stages: ['university'], recordIds: [ids.Welding] });
    expect(res.status).toBe(201);
    const link = await res.json();
    const shared = await (await t.request(link.path)).json();
    expect(shared.shared).toBe(true);
    expect(shared.records.items.map((r: { title: string }) => r.title).sort()).toEqual([
      'Algebra <script>alert(1)</script>',
      'Calculus',
      'Welding',
    ]);
    expect(shared.totals).toMatchObject({ credits: '80', records: 3, withdrawn: 0 });
    const onlyStage = await (await share({ expiresAt: inDays(7), stages: ['vocational'] })).json();
    const vocational = await (await t.request(onlyStage.path)).json();
    expect(vocational.records.items.map((r: { title: string }) => r.title)).toEqual(['Welding']);
    expect((await t.request(`${onlyStage.path}?format=html`)).headers.get('content-type')).toContain('text/html');

    const mine = await (await get('/transcript/shares', person.token)).json();
    expect(mine.items.map((s: { id: string }) => s.id)).toContain(link.id);
    expect(JSON.stringify(mine)).not.toContain(link.token);

    const revoke = (auth: string) =>
      t.request(`/v1/credit-bank/transcript/shares/${link.id}`, { method: 'DELETE', auth });
    expect((await revoke(p.otherLearner.token)).status).toBe(403);
    expect((await revoke(person.token)).status).toBe(204);
    expect((await t.request(link.path)).status).toBe(404);
  });

  it('refuse past or too distant expiry and other people’s records, with 400 naming the field', async () => {
    for (const [body, path] of [
      [{ expiresAt: inDays(-1) }, '/body/expiresAt'],
      [{ expiresAt: inDays(31) }, '/body/expiresAt'],
      [{ expiresAt: inDays(1), recordIds: [ids.Calculus] }, '/body/recordIds/0'],
      [{ expiresAt: inDays(1), stages: ['kindergarten'] }, '/body/stages/0'],
    ] as const) {
      const res = await share(body, p.otherLearner.token);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await res.json()).errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await share({ expiresAt: inDays(1) }, '')).status).toBe(401);
  });

  it('expire', async () => {
    const link = await (await share({ expiresAt: inDays(2) })).json();
    expect((await t.request(link.path)).status).toBe(200);
    offsetMs += 3 * 86_400_000;
    expect((await t.request(link.path)).status).toBe(404);
    offsetMs = 0; // sessions of the other tests live on the real clock
    expect((await t.request('/v1/credit-bank/shared-transcripts/not-a-token')).status).toBe(400);
  });

  it('serve both HTML pages with security headers: only their own inline style, no framing, no referrer', async () => {
    const link = await (await share({ expiresAt: inDays(7) })).json();
    const pages = [
      await get(`/people/${person.learnerNumber}/transcript?format=html`, person.token),
      await t.request(`${link.path}?format=html`),
    ];
    for (const res of pages) {
      expect(res.status).toBe(200);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      const policy = res.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("default-src 'none'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).not.toContain('unsafe-inline');
      // The browser applies the page's style only if its hash is the one the policy names.
      const style = /<style>([\s\S]*?)<\/style>/.exec(await res.text())?.[1] ?? '';
      const hash = createHash('sha256').update(style).digest('base64');
      expect(policy).toContain(`style-src 'sha256-${hash}'`);
    }
  });

  it('keep the token out of the request log and out of the idempotency store, and replay the link', async () => {
    const expiresAt = inDays(7);
    const send = () =>
      t.request('/v1/credit-bank/transcript/shares', {
        method: 'POST',
        auth: person.token,
        json: { expiresAt },
        headers: { 'Idempotency-Key': 'share-token-test-1' },
      });
    const first = await send();
    expect(first.status).toBe(201);
    const link = await first.json();
    const replay = await send();
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect((await replay.json()).token).toBe(link.token);

    expect((await t.request(link.path)).status).toBe(200);
    expect((await t.request(`${link.path}?format=html`)).status).toBe(200);
    // A wrong method and an extra segment miss the route: the token stays hidden all the same.
    expect((await t.request(link.path, { method: 'DELETE' })).status).toBe(405);
    expect((await t.request(`${link.path}/more`)).status).toBe(404);

    const logged = t
      .logs()
      .filter((line) => line.msg === 'request' && String(line.path).includes('shared-transcripts'));
    expect(logged.length).toBeGreaterThanOrEqual(4);
    for (const line of logged) expect(line.path).toMatch(/^\/v1\/credit-bank\/shared-transcripts\/\[redacted\]/);
    expect(t.rawLogs()).not.toContain(link.token);

    const rows = await t.platform.database.db.execute(sql`select * from core.idempotency_keys`);
    const stored = JSON.stringify(rows);
    expect(stored).toContain('/v1/credit-bank/transcript/shares');
    expect(stored).not.toContain(link.token);
    expect(stored).not.toContain('share-token-test-1');
  });

  it.skipIf(!process.env.DATABASE_URL)(
    'stays fast with 10,000 records (PostgreSQL)',
    async () => {
      const res = await t.request('/v1/credit-bank/providers', {
        method: 'POST',
        auth: p.regionAdmin.token,
        json: { institutionId: p.institution.id, capabilities: ['award'], validFrom: '2000-01-01T00:00:00Z' },
      });
      expect(res.status).toBe(201);
      const learner = await t.person({ verified: true });
      const rows = Array.from({ length: 10_000 }, (_, i) => ({
        externalId: `t-${i}`,
        learnerNumber: learner.learnerNumber,
        title: `Module ${i}`,
        stage: i % 2 ? 'vocational' : 'social-in-service',
        learningOutcomes: [],
        workloadHours: 5,
        assessment: { type: 'quiz' },
        form: 'online',
        completedAt: `${2000 + (i % 25)}-06-01T00:00:00Z`,
      }));
      const imported = await t.request('/v1/credit-bank/imports', {
        method: 'POST',
        auth: p.institution.key,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ rows }),
      });
      expect((await imported.json()).created).toBe(10_000);
      const started = performance.now();
      const transcript = await (await get(`/people/${learner.learnerNumber}/transcript`, learner.token)).json();
      const ms = performance.now() - started;
      expect(transcript.records.items).toHaveLength(50);
      expect(transcript.byYear).toHaveLength(25);
      expect(transcript.totals).toMatchObject({ credits: '20000', records: 10_000 });
      expect(ms).toBeLessThan(2000);
      const printable = await (
        await get(`/people/${learner.learnerNumber}/transcript?format=html`, learner.token)
      ).text();
      expect(printable.match(/<tr>/g)?.length).toBeGreaterThan(10_000);
    },
    120_000,
  );
});

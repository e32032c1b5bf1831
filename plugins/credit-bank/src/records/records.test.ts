import { createTestPlatform, type TestPlatform, type TestPrincipals } from '@lifelong/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import creditBank from '../index.js';
import { probe, seen } from '../testing/probe.js';

let t: TestPlatform;
let p: TestPrincipals;
beforeAll(async () => {
  t = await createTestPlatform({
    plugins: [creditBank, probe],
    regions: [
      {
        id: 'default',
        name: 'Default',
        plugins: {
          'credit-bank': {
            config: {
              records: {
                hoursPerCredit: 25,
                levelMultipliers: { '6': 1.5 },
                scoreBands: [
                  { minScore: 60, multiplier: 1 },
                  { minScore: 90, multiplier: 1.2 },
                ],
                capPerYear: 10,
                pointsPerCredit: 10,
              },
            },
          },
        },
      },
      { id: 'elsewhere', name: 'Elsewhere' },
    ],
  });
  p = await t.principals();
});
afterAll(() => t?.close());

let counter = 0;
const completion = (personId: string, overrides: Record<string, unknown> = {}) => ({
  source: 'teacher-development',
  sourceRef: `enrolment-${++counter}`,
  personId,
  regionId: 'default',
  equivalenceKey: `course-${counter}`,
  title: 'Introduction to statistics',
  stage: 'social-in-service',
  learningOutcomes: ['Computes a mean and a variance'],
  workloadHours: 50,
  assessment: { type: 'quiz' },
  form: 'online',
  completedAt: '2026-03-10T10:00:00Z',
  ...overrides,
});

const award = async (body: unknown) => t.request('/v1/cb-probe/completions', { method: 'POST', json: body });
const balance = async (personId: string) => {
  const ids = await (await t.request(`/v1/cb-probe/accounts/${personId}`)).json();
  const read = async (id: string) =>
    (await (await t.request(`/v1/ledger/accounts/${id}`, { auth: 'admin' })).json()).balance as string;
  return { credits: await read(ids.credit), points: await read(ids.points) };
};
const get = (path: string, auth?: string) => t.request(`/v1/credit-bank${path}`, auth ? { auth } : {});

describe('awardForCompletion', () => {
  it('records the learning and mints credits and points by the region’s rules, with events', async () => {
    const person = await t.person({ verified: true });
    const res = await award(completion(person.id, { level: '6', assessment: { type: 'exam', score: 95 } }));
    expect(res.status).toBe(200);
    const outcome = await res.json();
    // 50 h / 25 = 2 credits × 1.5 (level 6) × 1.2 (score band 90+) = 3.6 credits → "36" minor units.
    expect(outcome).toMatchObject({ status: 'awarded', credits: '36', points: '36' });
    expect(await balance(person.id)).toEqual({ credits: '36', points: '36' });

    const record = await (await get(`/records/${outcome.recordId}`, person.token)).json();
    expect(record).toMatchObject({
      personId: person.id,
      origin: 'completion',
      outcome: 'awarded',
      status: 'active',
      level: '6',
      assessment: { type: 'exam', score: 95 },
      workloadHours: 50,
      withdrawal: null,
    });
    await t.drainEvents();
    const mine = seen.filter((e) => e.payload.recordId === outcome.recordId).map((e) => e.name);
    expect(mine.sort()).toEqual(['credit-bank.credit.awarded', 'credit-bank.record.created']);
  });

  it('is idempotent on source and sourceRef: the original outcome comes back as duplicate', async () => {
    const person = await t.person({ verified: true });
    const input = completion(person.id);
    const first = await (await award(input)).json();
    const again = await (await award(input)).json();
    expect(again).toEqual({ ...first, status: 'duplicate' });
    expect(await balance(person.id)).toEqual({ credits: '20', points: '20' });
  });

  it('credits an equivalent course once: the second becomes a record without credits', async () => {
    const person = await t.person({ verified: true });
    await award(completion(person.id, { equivalenceKey: 'stats-101' }));
    const second = await (await award(completion(person.id, { equivalenceKey: 'stats-101' }))).json();
    expect(second).toMatchObject({ status: 'equivalent', credits: '0', points: '0' });
    expect(await balance(person.id)).toEqual({ credits: '20', points: '20' });
  });

  it("enforces the year's cap: the award that crosses it gets what is left, then nothing", async () => {
    const person = await t.person({ verified: true });
    const hours = (h: number) => completion(person.id, { workloadHours: h });
    expect((await (await award(hours(200))).json()).credits).toBe('80'); // 8 credits
    expect(await (await award(hours(100))).json()).toMatchObject({ status: 'capped', credits: '20' }); // 4 asked, 2 left
    expect(await (await award(hours(100))).json()).toMatchObject({ status: 'capped', credits: '0', points: '0' });
    // Another year has its own cap.
    const otherYear = await (await award(completion(person.id, { completedAt: '2025-01-05T09:00:00Z' }))).json();
    expect(otherYear).toMatchObject({ status: 'awarded', credits: '20' });
    expect(await balance(person.id)).toEqual({ credits: '120', points: '120' });
  });

  it('gives nothing for a score below every band', async () => {
    const person = await t.person({ verified: true });
    const res = await (await award(completion(person.id, { assessment: { type: 'exam', score: 40 } }))).json();
    expect(res).toMatchObject({ status: 'awarded', credits: '0', points: '0' });
  });

  it('refuses bad input with 400 naming the field, and stores nothing', async () => {
    const person = await t.person({ verified: true });
    for (const [bad, path] of [
      [{ workloadHours: -5 }, '/workloadHours'],
      [{ stage: 'kindergarten' }, '/stage'],
      [{ personId: 'not-a-uuid' }, '/personId'],
      [{ personId: '0190a8d4-6a1e-7c3b-9f00-000000000001' }, '/personId'],
      [{ regionId: 'nowhere' }, '/regionId'],
      [{ providerInstitutionId: '0190a8d4-6a1e-7c3b-9f00-000000000002' }, '/providerInstitutionId'],
    ] as const) {
      const res = await award(completion(person.id, bad));
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect((await res.json()).errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const list = await (await get('/records', person.token)).json();
    expect(list.items).toEqual([]);
  });

  it('refuses credits for an unverified person (409) and stores nothing', async () => {
    const person = await t.person();
    const res = await award(completion(person.id));
    expect(res.status).toBe(409);
    expect((await res.json()).code).toBe('CREDIT_BANK_PERSON_NOT_VERIFIED');
    expect((await (await get('/records', person.token)).json()).items).toEqual([]);
  });

  it.skipIf(!process.env.DATABASE_URL)('holds the year cap under 20 parallel awards (PostgreSQL)', async () => {
    const person = await t.person({ verified: true });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => award(completion(person.id, { workloadHours: 25 }))),
    );
    const outcomes = await Promise.all(results.map((r) => r.json()));
    expect(results.every((r) => r.status === 200)).toBe(true);
    const total = outcomes.reduce((sum, o) => sum + Number(o.credits), 0);
    expect(total).toBe(100);
    expect(await balance(person.id)).toEqual({ credits: '100', points: '100' });
  });
});

describe('reading records', () => {
  it('shows people their own records, a page at a time', async () => {
    const person = await t.person({ verified: true });
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await (await award(completion(person.id))).json()).recordId);
    const first = await (await get('/records?limit=2', person.token)).json();
    const second = await (await get(`/records?limit=2&cursor=${first.nextCursor}`, person.token)).json();
    expect([...first.items, ...second.items].map((r: { id: string }) => r.id)).toEqual(ids);
    expect(second.nextCursor).toBeNull();
  });

  it("lets only the person, a minor's guardian and the region's readers see a person's records", async () => {
    const { learner, minor, guardian, otherLearner, registrar, regionAdmin, otherRegionAdmin, institution } = p;
    const { recordId } = await (await award(completion(learner.id))).json();
    const minorRecord = (await (await award(completion(minor.id))).json()).recordId;

    expect((await get(`/people/${learner.learnerNumber}/records`)).status).toBe(401);
    expect((await get(`/records/${recordId}`)).status).toBe(401);
    for (const [who, status] of [
      [learner.token, 200],
      [registrar.token, 200],
      [regionAdmin.token, 200],
      [otherLearner.token, 403],
      [guardian.token, 403], // not the learner's guardian
      [otherRegionAdmin.token, 403],
      [institution.key, 403],
    ] as const) {
      expect((await get(`/people/${learner.learnerNumber}/records`, who)).status).toBe(status);
      expect((await get(`/records/${recordId}`, who)).status).toBe(status);
    }
    expect((await get(`/records/${minorRecord}`, guardian.token)).status).toBe(200);
    expect((await get(`/people/${minor.learnerNumber}/records`, guardian.token)).status).toBe(200);
    // No existence oracle: an unknown number is the same 403 as a person the caller may not read.
    expect((await get('/people/NOSUCHLEARNER/records', registrar.token)).status).toBe(403);
  });
});

describe('withdrawing a record', () => {
  const withdraw = (recordId: string, auth: string | undefined, reason: unknown = 'Issued in error') =>
    t.request(`/v1/credit-bank/records/${recordId}/withdrawal`, {
      method: 'POST',
      json: { reason },
      ...(auth ? { auth } : {}),
    });

  it('is for records.withdraw in the record’s region only', async () => {
    const { recordId } = await (await award(completion(p.learner.id))).json();
    expect((await withdraw(recordId, undefined)).status).toBe(401);
    expect((await withdraw(recordId, p.learner.token)).status).toBe(403);
    expect((await withdraw(recordId, p.registrar.token)).status).toBe(403);
    expect((await withdraw(recordId, p.otherRegionAdmin.token)).status).toBe(403);
    const bad = await withdraw(recordId, p.regionAdmin.token, '');
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].path).toBe('/body/reason');
    expect((await (await get(`/records/${recordId}`, p.learner.token)).json()).status).toBe('active');
  });

  it('keeps the record with the reason, reverses its credits (not its points) and frees the cap', async () => {
    const person = await t.person({ verified: true });
    const { recordId } = await (
      await award(completion(person.id, { workloadHours: 250, equivalenceKey: 'w-1' }))
    ).json();
    expect(await balance(person.id)).toEqual({ credits: '100', points: '100' });

    const res = await withdraw(recordId, p.regionAdmin.token);
    expect(res.status).toBe(200);
    const record = await res.json();
    expect(record).toMatchObject({
      status: 'withdrawn',
      withdrawal: { reason: 'Issued in error', by: `person:${p.regionAdmin.id}` },
    });
    expect(await balance(person.id)).toEqual({ credits: '0', points: '100' });
    expect((await withdraw(recordId, p.regionAdmin.token)).status).toBe(409);

    // The cap counts the withdrawn credits no more, and the course may be credited again.
    const again = await (await award(completion(person.id, { equivalenceKey: 'w-1' }))).json();
    expect(again).toMatchObject({ status: 'awarded', credits: '20' });
    expect((await (await get(`/records/${recordId}`, person.token)).json()).status).toBe('withdrawn');
  });
});

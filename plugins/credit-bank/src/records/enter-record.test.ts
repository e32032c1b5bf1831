import { createTestPlatform, type TestPerson, type TestPlatform, type TestPrincipals } from '@lifelong/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import creditBank from '../index.js';

// A registrar or an accredited provider enters one record by hand (origin "manual"), under the
// rules an import row meets.
let t: TestPlatform;
let p: TestPrincipals;
let staff: TestPerson;
let pending: { id: string; key: string };
beforeAll(async () => {
  t = await createTestPlatform({ plugins: [creditBank] });
  p = await t.principals();
  const accredit = await t.request('/v1/credit-bank/providers', {
    method: 'POST',
    auth: p.regionAdmin.token,
    json: {
      institutionId: p.institution.id,
      capabilities: ['award'],
      stages: ['vocational'],
      validFrom: '2020-01-01T00:00:00Z',
    },
  });
  expect(accredit.status).toBe(201);
  staff = await t.person({
    verified: true,
    roles: [{ role: 'issuer', scope: { type: 'institution', id: p.institution.id } }],
  });
  // A new institution is pending until a region admin accredits it; its key must not mint, even
  // with a provider row covering the stage.
  const created = await t.request('/v1/institutions', {
    method: 'POST',
    auth: 'admin',
    json: { name: 'Pending College', kind: 'school', regionId: 'default' },
  });
  const institution = await created.json();
  expect(institution.accreditation).toBe('pending');
  const key = await t.request('/v1/api-keys', {
    method: 'POST',
    auth: 'admin',
    json: { name: 'Pending key', role: 'issuer', institutionId: institution.id },
  });
  pending = { id: institution.id, key: (await key.json()).key };
});
afterAll(() => t?.close());

let counter = 0;
const entry = (overrides: Record<string, unknown> = {}) => ({
  externalId: `hand-${++counter}`,
  title: `Bricklaying ${counter}`,
  stage: 'vocational',
  learningOutcomes: ['Lays a course of bricks'],
  workloadHours: 25,
  assessment: { type: 'practical' },
  form: 'offline',
  completedAt: '2026-05-01T00:00:00Z',
  ...overrides,
});
const enter = (learnerNumber: string, json: unknown, auth?: string) =>
  t.request(`/v1/credit-bank/people/${learnerNumber}/records`, {
    method: 'POST',
    json,
    ...(auth ? { auth } : {}),
  });
const recordCount = async (learnerNumber: string) =>
  (await (await t.request(`/v1/credit-bank/people/${learnerNumber}/records?limit=100`, { auth: 'admin' })).json()).items
    .length;

describe('entering a record by hand', () => {
  it("makes a manual record with the region's credits when the institution's key enters it, and answers the same record on a repeat", async () => {
    const body = entry();
    const res = await enter(p.learner.learnerNumber, body, p.institution.key);
    expect(res.status).toBe(201);
    const record = await res.json();
    expect(record).toMatchObject({
      origin: 'manual',
      source: `manual:${p.institution.id}`,
      sourceRef: body.externalId,
      providerInstitutionId: p.institution.id,
      personId: p.learner.id,
      credits: '10',
      status: 'active',
    });
    const again = await enter(p.learner.learnerNumber, body, p.institution.key);
    expect(again.status).toBe(200);
    expect((await again.json()).id).toBe(record.id);
    const mine = await (await t.request('/v1/credit-bank/records?limit=100', { auth: p.learner.token })).json();
    expect(mine.items.filter((r: { id: string }) => r.id === record.id)).toHaveLength(1);
  });

  it("lets the institution's staff and a registrar of the region enter one, naming the institution", async () => {
    const byStaff = await enter(p.learner.learnerNumber, entry({ institutionId: p.institution.id }), staff.token);
    expect(byStaff.status).toBe(201);
    const byRegistrar = await enter(
      p.otherLearner.learnerNumber,
      entry({ institutionId: p.institution.id }),
      p.registrar.token,
    );
    expect(byRegistrar.status).toBe(201);
  });

  it('refuses callers without records.import, and changes nothing', async () => {
    const before = await recordCount(p.otherLearner.learnerNumber);
    const body = entry({ institutionId: p.institution.id });
    expect((await enter(p.otherLearner.learnerNumber, body)).status).toBe(401);
    for (const auth of [p.learner.token, p.guardian.token, p.otherRegionAdmin.token]) {
      const res = await enter(p.otherLearner.learnerNumber, body, auth);
      expect(res.status, auth).toBe(403);
    }
    expect(await recordCount(p.otherLearner.learnerNumber)).toBe(before);
  });

  it('needs the institution named unless the caller is its key', async () => {
    const res = await enter(p.learner.learnerNumber, entry(), staff.token);
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0]).toMatchObject({ path: '/body/institutionId', rule: 'institutionOfCaller' });
  });

  it('refuses a pending institution, a stage it is not accredited for, and a date in the future', async () => {
    const cases: [string, Record<string, unknown>, string, string][] = [
      [pending.key, entry(), '/body/completedAt', 'accreditedProvider'],
      [p.institution.key, entry({ stage: 'university' }), '/body/completedAt', 'accreditedProvider'],
      [p.institution.key, entry({ completedAt: '2019-01-01T00:00:00Z' }), '/body/completedAt', 'accreditedProvider'],
      [p.institution.key, entry({ completedAt: '2999-01-01T00:00:00Z' }), '/body/completedAt', 'notInFuture'],
    ];
    const before = await recordCount(p.learner.learnerNumber);
    for (const [auth, body, path, rule] of cases) {
      const res = await enter(p.learner.learnerNumber, body, auth);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const problem = await res.json();
      expect(problem.errors[0]?.path).toBe(path);
      if (rule !== 'notInFuture') expect(problem.errors[0]?.rule).toBe(rule);
    }
    expect(await recordCount(p.learner.learnerNumber)).toBe(before);
  });

  it('refuses an unknown person and an unverified one', async () => {
    const unknown = await enter('999999999999999X', entry(), p.institution.key);
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).errors[0]).toMatchObject({ path: '/params/learnerNumber', rule: 'personExists' });
    const unverified = await t.person({});
    const res = await enter(unverified.learnerNumber, entry(), p.institution.key);
    expect(res.status).toBe(409);
    expect((await res.json()).code).toBe('CREDIT_BANK_PERSON_NOT_VERIFIED');
  });

  it("refuses credits for the institution's own staff and for the caller themself (403 CONFLICT_OF_INTEREST)", async () => {
    const forStaff = await enter(staff.learnerNumber, entry(), p.institution.key);
    expect(forStaff.status).toBe(403);
    expect(await forStaff.json()).toMatchObject({ code: 'CONFLICT_OF_INTEREST', rule: 'institution' });
    const registrarSelf = await enter(
      p.registrar.learnerNumber,
      entry({ institutionId: p.institution.id }),
      p.registrar.token,
    );
    expect(registrarSelf.status).toBe(403);
    expect(await registrarSelf.json()).toMatchObject({ code: 'CONFLICT_OF_INTEREST', rule: 'self' });
    expect(await recordCount(staff.learnerNumber)).toBe(0);
  });
});

import { createTestPlatform, type TestPerson, type TestPlatform, type TestPrincipals } from '@lifelong/core/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import creditBank from './index.js';
import { makeGroup } from './testing/groups.js';
import { expectProblem } from './testing/wallet.js';

// Regression tests named after the attacks they stop (issue #17): future-dated learning, existence
// oracles, acting on another region's certificates, reviewing one's own people's certificates, an
// institution crediting its own staff, one bad import row, non-family groups, all regions' providers.

const clock = new Date('2026-06-01T12:00:00Z');
let t: TestPlatform;
let p: TestPrincipals;
let verifier: TestPerson;
beforeAll(async () => {
  t = await createTestPlatform({
    plugins: [creditBank],
    regions: [
      { id: 'default', name: 'Default' },
      { id: 'elsewhere', name: 'Elsewhere' },
    ],
    now: () => clock,
  });
  p = await t.principals();
  const res = await t.request('/v1/credit-bank/providers', {
    method: 'POST',
    auth: p.regionAdmin.token,
    json: { institutionId: p.institution.id, capabilities: ['award', 'verify'], validFrom: '2020-01-01T00:00:00Z' },
  });
  expect(res.status).toBe(201);
  verifier = await t.person({ roles: [{ role: 'registrar', scope: { type: 'institution', id: p.institution.id } }] });
});
afterAll(() => t?.close());

const cb = (path: string, init: { method?: string; auth?: string; json?: unknown; region?: string } = {}) =>
  t.request(`/v1/credit-bank${path}`, {
    ...(init.method ? { method: init.method } : {}),
    ...(init.auth ? { auth: init.auth } : {}),
    ...(init.json !== undefined ? { json: init.json } : {}),
    ...(init.region ? { headers: { 'Lifelong-Region': init.region } } : {}),
  });

let counter = 0;
const importRow = (learnerNumber: string, overrides: Record<string, unknown> = {}) => ({
  externalId: `row-${++counter}`,
  learnerNumber,
  title: `Carpentry ${counter}`,
  stage: 'vocational',
  learningOutcomes: ['Joins timber'],
  workloadHours: 20,
  assessment: { type: 'practical' },
  form: 'offline',
  completedAt: '2026-05-01T00:00:00Z',
  ...overrides,
});
const importJson = async (rows: unknown[]) => {
  const res = await t.request('/v1/credit-bank/imports', {
    method: 'POST',
    body: JSON.stringify({ rows }),
    headers: { 'Content-Type': 'application/json' },
    auth: p.institution.key,
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const job = await res.json();
  const results = (await (await cb(`/imports/${job.id}/rows?limit=100`, { auth: p.institution.key })).json()).items;
  return { job, results };
};
const transcriptTitles = async (who: TestPerson) => {
  const res = await cb(`/people/${who.learnerNumber}/transcript?limit=200`, { auth: who.token });
  expect(res.status).toBe(200);
  return JSON.stringify(await res.json());
};

let fileCounter = 0;
async function certificateOf(person: TestPerson, overrides: Record<string, unknown> = {}) {
  const bytes = new TextEncoder().encode(`%PDF-1.7\n% evidence ${++fileCounter} ${Math.random()}\n%%EOF`);
  const up = await t.request('/v1/credit-bank/evidence', {
    method: 'POST',
    body: bytes,
    headers: { 'Content-Type': 'application/pdf' },
    auth: person.token,
  });
  expect(up.status).toBe(201);
  const body = {
    issuingInstitutionId: p.institution.id,
    title: `Bookkeeping ${fileCounter}`,
    stage: 'vocational',
    learningOutcomes: ['Keeps books'],
    workloadHours: 30,
    assessment: { type: 'exam' },
    form: 'offline',
    completedAt: '2026-04-01T00:00:00Z',
    evidence: [(await up.json()).sha256],
    ...overrides,
  };
  return cb('/certificates', { method: 'POST', auth: person.token, json: body });
}
const decide = (id: string, auth: string, region?: string) =>
  cb(`/certificates/${id}/decisions`, {
    method: 'POST',
    auth,
    json: { decision: 'approve' },
    ...(region ? { region } : {}),
  });

describe('dates', () => {
  it('refuses an import row completed in the future, and it never appears on the transcript', async () => {
    const learner = await t.person({ verified: true });
    const { job, results } = await importJson([
      importRow(learner.learnerNumber, { title: 'From the future', completedAt: '2029-01-01T00:00:00Z' }),
      // Within the five-minute clock-skew allowance: accepted.
      importRow(learner.learnerNumber, { title: 'Just now', completedAt: '2026-06-01T12:04:00Z' }),
    ]);
    expect(job).toMatchObject({ created: 1, failed: 1 });
    expect(results[0]).toMatchObject({
      status: 'error',
      errors: [{ path: '/rows/0/completedAt', rule: 'notInFuture' }],
    });
    expect(results[1].status).toBe('created');
    const transcript = await transcriptTitles(learner);
    expect(transcript).not.toContain('From the future');
    expect(transcript).toContain('Just now');
  });

  it('refuses a CSV import row completed in the future, naming the row and the field', async () => {
    const learner = await t.person({ verified: true });
    const csv = [
      'externalId,learnerNumber,title,stage,workloadHours,assessmentType,form,completedAt',
      `csv-${++counter},${learner.learnerNumber},Future CSV,vocational,10,practical,offline,2029-03-01T00:00:00Z`,
    ].join('\n');
    const res = await t.request('/v1/credit-bank/imports', {
      method: 'POST',
      body: csv,
      headers: { 'Content-Type': 'text/csv' },
      auth: p.institution.key,
    });
    const job = await res.json();
    expect(job).toMatchObject({ failed: 1, created: 0 });
    const [row] = (await (await cb(`/imports/${job.id}/rows`, { auth: p.institution.key })).json()).items;
    expect(row.errors[0]).toMatchObject({ path: '/rows/0/completedAt', rule: 'notInFuture' });
    expect(await transcriptTitles(learner)).not.toContain('Future CSV');
  });

  it('refuses a certificate completed in the future with 400 naming completedAt', async () => {
    const res = await certificateOf(p.learner, { completedAt: '2029-01-01T00:00:00Z' });
    expectProblem(res, 400);
    expect((await res.json()).errors[0]).toMatchObject({ path: '/body/completedAt', rule: 'notInFuture' });
  });
});

describe('no existence oracle', () => {
  it('answers the same 403 for an unknown learner number and a real one the caller may not read', async () => {
    const unknown = 'NO-SUCH-NUMBER-9';
    for (const path of ['/transcript', '/records']) {
      const real = await cb(`/people/${p.learner.learnerNumber}${path}`, { auth: p.otherLearner.token });
      const missing = await cb(`/people/${unknown}${path}`, { auth: p.otherLearner.token });
      expectProblem(real, 403);
      expectProblem(missing, 403);
      expect((await missing.json()).code).toBe((await real.json()).code);
    }
  });
});

describe('certificates across regions', () => {
  it("refuses to let a reviewer act on another region's certificate (404, like an unknown one)", async () => {
    const res = await certificateOf(p.learner);
    expect(res.status, await res.clone().text()).toBe(201);
    const cert = await res.json();
    expectProblem(await decide(cert.id, verifier.token, 'elsewhere'), 404);
    expectProblem(await cb(`/certificates/${cert.id}`, { auth: verifier.token, region: 'elsewhere' }), 404);
    expect((await cb(`/certificates/${cert.id}`, { auth: p.learner.token })).status).toBe(200);
    expect((await cb(`/certificates/${cert.id}`)).status).toBe(401);
    // Still submitted: the refused call changed nothing.
    expect((await (await cb(`/certificates/${cert.id}`, { auth: p.learner.token })).json()).status).toBe('submitted');
    expect((await decide(cert.id, verifier.token)).status).toBe(200);
  });
});

describe('no self-dealing in recognition', () => {
  it("refuses a guardian reviewing their ward's certificate, whatever their reviewer role", async () => {
    const guardianRegistrar = await t.person({
      verified: true,
      roles: [{ role: 'registrar', scope: { type: 'region', id: 'default' } }],
    });
    const minor = await t.person({ dateOfBirth: '2015-06-01', guardian: guardianRegistrar, verified: true });
    const res = await certificateOf(minor);
    expect(res.status, await res.clone().text()).toBe(201);
    const denied = await decide((await res.json()).id, guardianRegistrar.token);
    expectProblem(denied, 403);
    expect(await denied.json()).toMatchObject({ code: 'CONFLICT_OF_INTEREST', rule: 'guardian' });
  });

  it('refuses a region registrar who holds a role at the issuing institution', async () => {
    const both = await t.person({
      verified: true,
      roles: [
        { role: 'registrar', scope: { type: 'region', id: 'default' } },
        { role: 'teacher', scope: { type: 'institution', id: p.institution.id } },
      ],
    });
    const cert = await (await certificateOf(p.otherLearner)).json();
    const denied = await decide(cert.id, both.token);
    expectProblem(denied, 403);
    expect(await denied.json()).toMatchObject({ code: 'CONFLICT_OF_INTEREST', rule: 'institution' });
    expect((await decide(cert.id, p.registrar.token)).status).toBe(200);
  });
});

describe('imports', () => {
  it("refuses an institution crediting its own staff for its own provision (the row's error)", async () => {
    const teacher = await t.person({
      verified: true,
      roles: [{ role: 'teacher', scope: { type: 'institution', id: p.institution.id } }],
    });
    const { results } = await importJson([importRow(teacher.learnerNumber, { title: 'Own course' })]);
    expect(results[0]).toMatchObject({
      status: 'error',
      errors: [{ path: '/rows/0/learnerNumber', rule: 'conflictOfInterest' }],
    });
    expect(await transcriptTitles(teacher)).not.toContain('Own course');
  });

  it('records a row the award refuses as that row’s error and imports the others', async () => {
    const [broken, fine] = await Promise.all([t.person({ verified: true }), t.person({ verified: true })]);
    await importJson([importRow(broken.learnerNumber)]);
    // Close the person's CREDIT account behind the credit bank's back: the ledger refuses any award.
    const db = t.platform.database.db;
    const found = await db.execute(
      sql`select account_id from credit_bank.accounts where owner_id = ${broken.id} and asset = 'CREDIT'`,
    );
    const rows = (found as unknown as { rows?: { account_id: string }[] }).rows ?? (found as unknown as []);
    await db.transaction((tx) => t.platform.ledger.closeAccount(tx, (rows[0] as { account_id: string }).account_id));

    const { job, results } = await importJson([importRow(broken.learnerNumber), importRow(fine.learnerNumber)]);
    expect(job).toMatchObject({ status: 'completed', created: 1, failed: 1 });
    expect(results[0]).toMatchObject({ status: 'error', errors: [{ path: '/rows/0', rule: 'awardFailed' }] });
    expect(results[1].status).toBe('created');
  });
});

describe('family transfer lists', () => {
  it('refuse a group that is not a family', async () => {
    const admin = await t.person();
    const group = await makeGroup(t, admin, 'collective', []);
    const res = await cb(`/family/groups/${group}/transfers`, { auth: admin.token });
    expectProblem(res, 422);
    expect((await res.json()).code).toBe('CREDIT_BANK_NOT_A_FAMILY');
  });
});

describe('providers.list', () => {
  it("lists the request's region only", async () => {
    const admin = async (path: string, json: unknown, method = 'POST') =>
      (await t.request(path, { method, auth: 'admin', json })).json();
    const far = await admin('/v1/institutions', { name: 'Far College', kind: 'school', regionId: 'elsewhere' });
    await admin(`/v1/institutions/${far.id}/accreditation`, { status: 'accredited' }, 'PUT');
    const created = await t.request('/v1/credit-bank/providers', {
      method: 'POST',
      auth: 'admin',
      json: { institutionId: far.id, capabilities: ['award'], validFrom: '2020-01-01T00:00:00Z' },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const ids = async (region?: string) =>
      (
        (await (await cb('/providers?limit=200', region ? { region } : {})).json()).items as { institutionId: string }[]
      ).map((i) => i.institutionId);
    expect(await ids()).toContain(p.institution.id);
    expect(await ids()).not.toContain(far.id);
    expect(await ids('elsewhere')).toEqual([far.id]);
  });
});

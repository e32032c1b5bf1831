import { createTestPlatform, type TestPlatform, type TestPrincipals } from '@lifelong/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import creditBank from '../index.js';

let t: TestPlatform;
let p: TestPrincipals;
beforeAll(async () => {
  t = await createTestPlatform({
    plugins: [creditBank],
    regions: [
      {
        id: 'default',
        name: 'Default',
        plugins: { 'credit-bank': { config: { imports: { inlineRows: 50, chunkRows: 100 } } } },
      },
      { id: 'elsewhere', name: 'Elsewhere' },
    ],
  });
  p = await t.principals();
  const res = await t.request('/v1/credit-bank/providers', {
    method: 'POST',
    auth: p.regionAdmin.token,
    json: { institutionId: p.institution.id, capabilities: ['award'], validFrom: '2020-01-01T00:00:00Z' },
  });
  expect(res.status).toBe(201);
});
afterAll(() => t?.close());

let counter = 0;
const row = (learnerNumber: string, overrides: Record<string, unknown> = {}) => ({
  externalId: `row-${++counter}`,
  learnerNumber,
  title: `Welding basics ${counter}`,
  stage: 'vocational',
  learningOutcomes: ['Welds a butt joint'],
  workloadHours: 25,
  assessment: { type: 'practical' },
  form: 'offline',
  completedAt: '2026-05-01T00:00:00Z',
  ...overrides,
});
const submit = (body: string, contentType: string, auth?: string, institutionId?: string) =>
  t.request(`/v1/credit-bank/imports${institutionId ? `?institutionId=${institutionId}` : ''}`, {
    method: 'POST',
    body,
    headers: { 'Content-Type': contentType },
    ...(auth ? { auth } : {}),
  });
const submitJson = (rows: unknown[], auth = p.institution.key, institutionId?: string) =>
  submit(JSON.stringify({ rows }), 'application/json', auth, institutionId);
const rowsOf = async (id: string, auth = p.institution.key) =>
  (await (await t.request(`/v1/credit-bank/imports/${id}/rows?limit=1000`, { auth })).json()).items;

describe('bulk import', () => {
  it('gives per-row results: created, or an error naming the field and the rule', async () => {
    const rows = [
      row(p.learner.learnerNumber),
      row(p.minor.learnerNumber),
      row('NO-SUCH-LEARNER'),
      row(p.learner.learnerNumber, { workloadHours: -4 }),
      row(p.learner.learnerNumber, { completedAt: '2019-05-01T00:00:00Z' }),
    ];
    const res = await submitJson(rows);
    expect(res.status).toBe(201);
    const job = await res.json();
    expect(job).toMatchObject({ status: 'completed', total: 5, processed: 5, created: 2, duplicates: 0, failed: 3 });
    const results = await rowsOf(job.id);
    expect(results.map((r: { status: string }) => r.status)).toEqual(['created', 'created', 'error', 'error', 'error']);
    expect(results[2].errors[0]).toMatchObject({ path: '/rows/2/learnerNumber', rule: 'personExists' });
    expect(results[3].errors[0]).toMatchObject({ path: '/rows/3/workloadHours', rule: 'numberExclusiveMinimum' });
    expect(results[4].errors[0]).toMatchObject({ path: '/rows/4/completedAt', rule: 'accreditedProvider' });
    const record = await (
      await t.request(`/v1/credit-bank/records/${results[0].recordId}`, { auth: p.learner.token })
    ).json();
    expect(record).toMatchObject({
      origin: 'import',
      providerInstitutionId: p.institution.id,
      credits: '10',
      sourceRef: rows[0]?.externalId,
    });

    // Re-running the same import creates nothing new.
    const again = await (await submitJson(rows)).json();
    expect(again).toMatchObject({ created: 0, duplicates: 2, failed: 3 });
    const replayed = await rowsOf(again.id);
    expect(replayed[0]).toMatchObject({ status: 'duplicate', recordId: results[0].recordId });
  });

  it('takes CSV too', async () => {
    const csv = [
      'externalId,learnerNumber,title,stage,workloadHours,assessmentType,assessmentScore,form,completedAt,learningOutcomes',
      `csv-${++counter},${p.learner.learnerNumber},"Safety, first",vocational,50,exam,88,offline,2026-06-01T00:00:00Z,Knows the rules|Applies them`,
      `csv-${++counter},${p.learner.learnerNumber},Bad hours,vocational,lots,exam,,offline,2026-06-01T00:00:00Z,`,
    ].join('\r\n');
    const res = await submit(csv, 'text/csv', p.registrar.token, p.institution.id);
    expect(res.status).toBe(201);
    const job = await res.json();
    expect(job).toMatchObject({ format: 'csv', created: 1, failed: 1 });
    const results = await rowsOf(job.id);
    const record = await (
      await t.request(`/v1/credit-bank/records/${results[0].recordId}`, { auth: p.learner.token })
    ).json();
    expect(record).toMatchObject({
      title: 'Safety, first',
      learningOutcomes: ['Knows the rules', 'Applies them'],
      credits: '20',
    });
    expect(results[1].errors[0]).toMatchObject({ path: '/rows/1/workloadHours', rule: 'number' });
  });

  it('reads an empty CSV cell as an absent field: an unscored assessment, the default level, a missing title', async () => {
    const csv = [
      'externalId,learnerNumber,title,stage,level,workloadHours,assessmentType,assessmentScore,form,completedAt,learningOutcomes',
      `csv-${++counter},${p.learner.learnerNumber},Unscored,vocational,,10,practical,,offline,2026-06-01T00:00:00Z,`,
      `csv-${++counter},${p.learner.learnerNumber},,vocational,,10,practical,,offline,2026-06-01T00:00:00Z,`,
    ].join('\n');
    const job = await (await submit(csv, 'text/csv', p.registrar.token, p.institution.id)).json();
    expect(job).toMatchObject({ created: 1, failed: 1 });
    const results = await rowsOf(job.id);
    const record = await (
      await t.request(`/v1/credit-bank/records/${results[0].recordId}`, { auth: p.learner.token })
    ).json();
    expect(record).toMatchObject({ title: 'Unscored', level: 'none', assessment: { type: 'practical', score: null } });
    expect(results[1].errors[0]).toMatchObject({ path: '/rows/1/title', rule: 'required' });
  });

  it('is for records.import holders of the institution or its region only', async () => {
    const rows = [row(p.learner.learnerNumber)];
    expect((await submitJson(rows, '')).status).toBe(401);
    for (const who of [p.learner.token, p.otherRegionAdmin.token, p.guardian.token]) {
      expect((await submitJson(rows, who, p.institution.id)).status).toBe(403);
    }
    const registrarWithout = await submitJson(rows, p.registrar.token);
    expect(registrarWithout.status).toBe(400);
    expect((await registrarWithout.json()).errors[0]).toMatchObject({
      path: '/query/institutionId',
      rule: 'institutionOfCaller',
    });
    const job = await (await submitJson(rows)).json();
    expect((await t.request(`/v1/credit-bank/imports/${job.id}`, { auth: p.learner.token })).status).toBe(403);
    expect((await t.request(`/v1/credit-bank/imports/${job.id}`, { auth: p.otherRegionAdmin.token })).status).toBe(403);
    expect((await t.request(`/v1/credit-bank/imports/${job.id}`, { auth: p.registrar.token })).status).toBe(200);
  });

  it('refuses malformed bodies and too many rows with 400, storing nothing', async () => {
    expect((await submit('{"rows": [', 'application/json', p.institution.key)).status).toBe(400);
    const empty = await submitJson([]);
    expect(empty.status).toBe(400);
    expect((await empty.json()).errors[0].path).toBe('/body/rows');
    const tooMany = await submitJson(Array.from({ length: 10_001 }, () => ({})));
    expect(tooMany.status).toBe(400);
    expect((await submit('x', 'text/plain', p.institution.key)).status).toBe(415);
  });

  it('processes a large import in chunks, with progress between runs of the imports job', async () => {
    const learner = await t.person({ verified: true });
    const rows = Array.from({ length: 250 }, () => row(learner.learnerNumber));
    const res = await submitJson(rows);
    expect(res.status).toBe(202);
    const job = await res.json();
    expect(job).toMatchObject({ status: 'processing', total: 250, processed: 0 });
    const progress = async () =>
      await (await t.request(`/v1/credit-bank/imports/${job.id}`, { auth: p.institution.key })).json();
    await t.runJob('credit-bank', 'imports');
    expect(await progress()).toMatchObject({ status: 'processing', processed: 100 });
    await t.runJob('credit-bank', 'imports');
    await t.runJob('credit-bank', 'imports');
    expect(await progress()).toMatchObject({ status: 'completed', processed: 250, created: 250 });
    const records = await (await t.request('/v1/credit-bank/records?limit=200', { auth: learner.token })).json();
    expect(records.items).toHaveLength(200);
  });
});

// Every quality-control route × every kind of caller (docs/plugins/quality-control.md, "Who may
// see what"): institution staff see their institution, region admins their region, a teacher
// only their own figures, learners only the anonymous aggregates of public indicators. Allowed
// callers get a 2xx; everyone else 401 (anonymous), 403 (a permission they hold nowhere) or 404
// (a scope that is not theirs: the same answer as an unknown one), and a refusal changes nothing.
import { resultRows } from '@lifelong/core';
import type { RequestOptions, TestPrincipals } from '@lifelong/core/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adoptAllPacks, type Harness, harness } from './test-support.js';

const CALLERS = [
  'anonymous',
  'learner',
  'teacher',
  'otherTeacher',
  'staff',
  'otherStaff',
  'institutionKey',
  'regionAdmin',
  'otherRegionAdmin',
  'platformAdmin',
] as const;
type Caller = (typeof CALLERS)[number];
const SIGNED_IN = CALLERS.filter((c) => c !== 'anonymous');
const MANAGERS: Caller[] = ['staff', 'regionAdmin', 'platformAdmin'];
const READERS: Caller[] = [...MANAGERS, 'institutionKey'];
const LIBRARIANS: Caller[] = ['regionAdmin', 'platformAdmin'];

let h: Harness;
let p: TestPrincipals;
const auth = {} as Record<Caller, string | undefined>;
let institutionId: string;
let teacherId: string;
let actionId: string;

beforeAll(async () => {
  h = await harness();
  p = await h.t.principals();
  await adoptAllPacks(h);
  institutionId = p.institution.id; // the accredited school whose issuer key the principals hold
  const otherInstitution = await h.institution('Other College');
  const staff = await h.t.person({ roles: [{ role: 'registrar', scope: { type: 'institution', id: institutionId } }] });
  const otherStaff = await h.t.person({
    roles: [{ role: 'registrar', scope: { type: 'institution', id: otherInstitution } }],
  });
  const teacher = await h.t.person({ roles: [{ role: 'teacher', scope: { type: 'institution', id: institutionId } }] });
  const otherTeacher = await h.t.person({
    roles: [{ role: 'teacher', scope: { type: 'institution', id: institutionId } }],
  });
  teacherId = teacher.id;
  Object.assign(auth, {
    anonymous: undefined,
    learner: p.learner.token,
    teacher: teacher.token,
    otherTeacher: otherTeacher.token,
    staff: staff.token,
    otherStaff: otherStaff.token,
    institutionKey: p.institution.key,
    regionAdmin: p.regionAdmin.token,
    otherRegionAdmin: p.otherRegionAdmin.token,
    platformAdmin: 'admin',
  } satisfies Record<Caller, string | undefined>);
  const api = h.as(staff.token);
  await api.scopes.create({
    body: {
      scopeType: 'teacher',
      scopeId: teacherId,
      parentType: 'institution',
      parentId: institutionId,
      name: 'Teacher',
    },
  });
  await api.scopes.dataPoints.create({
    scopeType: 'institution',
    scopeId: institutionId,
    body: { points: [{ element: 'teachers.employed', date: '2026-01-05', value: 40 }] },
  });
  actionId = (
    await api.actions.create({
      body: {
        scopeType: 'institution',
        scopeId: institutionId,
        code: 'teachers.retention',
        diagnosis: 'Exit interviews name workload.',
        ownerPersonId: staff.id,
        dueOn: '2026-12-31',
        baselinePeriod: '2025',
      },
    })
  ).id;
}, 180_000);
afterAll(() => h.t.close());

/** Everything the plugin stores, as one digest: a refusal must leave it as it was. */
async function digest(): Promise<string> {
  const tables = ['indicators', 'region_packs', 'scopes', 'data_points', 'aggregates', 'targets', 'alerts', 'actions'];
  const parts = tables.map(
    (t) => `coalesce((select md5(string_agg(x::text, ',' order by x::text)) from quality_control.${t} x), '')`,
  );
  const rows = resultRows<{ d: string }>(
    await h.t.platform.database.db.execute(sql.raw(`select md5(${parts.join(' || ')}) as d`)),
  );
  return rows[0]?.d ?? '';
}

interface Case {
  name: string;
  allowed: Caller[];
  denied?: Partial<Record<Caller, number>>;
  request: () => [string, RequestOptions];
}

const base = '/v1/quality-control';
const inst = () => `${base}/scopes/institution/${institutionId}`;
const staffOnly = (code: string) => `${inst()}/indicators/${code}`;
const NO_PERMISSION = (allowed: Caller[]) =>
  Object.fromEntries(SIGNED_IN.filter((c) => !allowed.includes(c)).map((c) => [c, 403])) as Partial<
    Record<Caller, number>
  >;
const definition = (code: string) => ({
  code,
  name: 'Own',
  level: 'region',
  area: 'operations',
  definition: 'A test indicator defined in the matrix.',
  numerator: { element: 'x.count', aggregation: 'count' },
  denominator: null,
  factor: 1,
  periodType: 'year',
  unit: 'n',
  minimumN: 1,
  direction: 'higher-is-better',
  target: 2,
  threshold: 1,
  margin: 0,
  audience: 'staff',
});
let n = 0;

const cases: Case[] = [
  { name: 'GET /indicators', allowed: SIGNED_IN, request: () => [`${base}/indicators`, {}] },
  { name: 'GET /packs', allowed: SIGNED_IN, request: () => [`${base}/packs`, {}] },
  {
    name: 'GET /indicators/{code}/versions',
    allowed: SIGNED_IN,
    request: () => [`${base}/indicators/teachers.retention/versions`, {}],
  },
  {
    name: 'PUT /packs/{packId}',
    allowed: LIBRARIANS,
    denied: { ...NO_PERMISSION(LIBRARIANS), otherRegionAdmin: 403 },
    request: () => [`${base}/packs/teachers`, { method: 'PUT', json: { adopted: true } }],
  },
  {
    name: 'POST /indicators',
    allowed: LIBRARIANS,
    denied: { ...NO_PERMISSION(LIBRARIANS), otherRegionAdmin: 403 },
    request: () => [`${base}/indicators`, { method: 'POST', json: definition(`own.matrix-${n++}`) }],
  },
  {
    name: 'POST /scopes',
    allowed: MANAGERS,
    denied: { learner: 403, teacher: 403, otherTeacher: 403, institutionKey: 403 },
    request: () => [
      `${base}/scopes`,
      {
        method: 'POST',
        json: {
          scopeType: 'programme',
          scopeId: `p-${n++}`,
          parentType: 'institution',
          parentId: institutionId,
          name: 'P',
        },
      },
    ],
  },
  { name: 'GET /scopes/{…}/children', allowed: READERS, request: () => [`${inst()}/children`, {}] },
  {
    name: 'POST /scopes/{…}/data-points',
    allowed: MANAGERS,
    request: () => [
      `${inst()}/data-points`,
      { method: 'POST', json: { points: [{ element: 'teachers.retained', date: '2026-12-01', value: 1 }] } },
    ],
  },
  {
    name: 'POST /scopes/{…}/data-points/csv',
    allowed: MANAGERS,
    request: () => [
      `${inst()}/data-points/csv`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'text/csv' },
        body: `element,date,value\nteachers.retained,2026-12-0${(n++ % 9) + 1},1\n`,
      },
    ],
  },
  { name: 'GET /scopes/{…}/data-points', allowed: MANAGERS, request: () => [`${inst()}/data-points`, {}] },
  {
    name: 'GET …/series (staff indicator, institution)',
    allowed: READERS,
    request: () => [`${staffOnly('teachers.retention')}/series?from=2025&to=2026`, {}],
  },
  {
    name: 'GET …/series (public indicator, institution)',
    allowed: SIGNED_IN,
    request: () => [`${staffOnly('students.satisfaction')}/series?from=2025&to=2026`, {}],
  },
  {
    name: 'GET …/series (teacher scope)',
    allowed: [...READERS, 'teacher'],
    request: () => [
      `${base}/scopes/teacher/${teacherId}/indicators/teaching.evaluation/series?from=2026-Q1&to=2026-Q2`,
      {},
    ],
  },
  {
    name: 'GET …/series.csv',
    allowed: READERS,
    request: () => [`${staffOnly('teachers.retention')}/series.csv?from=2025&to=2026`, {}],
  },
  {
    name: 'GET …/chart.svg',
    allowed: READERS,
    request: () => [`${staffOnly('teachers.retention')}/chart.svg?from=2025&to=2026`, {}],
  },
  {
    name: 'GET …/chart.png',
    allowed: READERS,
    request: () => [`${staffOnly('teachers.retention')}/chart.png?from=2025&to=2026`, {}],
  },
  {
    name: 'PUT …/target',
    allowed: MANAGERS,
    request: () => [
      `${staffOnly('teachers.retention')}/target`,
      { method: 'PUT', json: { target: 92, threshold: 85 } },
    ],
  },
  { name: 'GET /alerts', allowed: SIGNED_IN, request: () => [`${base}/alerts`, {}] },
  {
    name: 'POST /actions',
    allowed: MANAGERS,
    request: () => [
      `${base}/actions`,
      {
        method: 'POST',
        json: {
          scopeType: 'institution',
          scopeId: institutionId,
          code: 'teachers.retention',
          diagnosis: 'd',
          ownerPersonId: teacherId,
          dueOn: '2026-12-31',
          baselinePeriod: '2025',
        },
      },
    ],
  },
  { name: 'GET /actions/{actionId}', allowed: MANAGERS, request: () => [`${base}/actions/${actionId}`, {}] },
  {
    name: 'PUT /actions/{actionId}/status',
    allowed: MANAGERS,
    request: () => [`${base}/actions/${actionId}/status`, { method: 'PUT', json: { status: 'in-progress' } }],
  },
  {
    name: 'POST /actions/{actionId}/verify',
    allowed: [],
    // Allowed managers get 409 (2025 has no published value): the matrix checks that nobody else gets that far.
    denied: { staff: 409, regionAdmin: 409, platformAdmin: 409 },
    request: () => [`${base}/actions/${actionId}/verify`, { method: 'POST' }],
  },
];

describe.each(cases)('$name', (c) => {
  it.each(CALLERS)('as %s', async (caller) => {
    const [path, options] = c.request();
    const before = c.allowed.includes(caller) ? null : await digest();
    const res = await h.t.request(path, { ...options, auth: auth[caller] });
    if (c.allowed.includes(caller)) {
      expect(res.status, await res.clone().text()).toBeLessThan(300);
      return;
    }
    const expected = caller === 'anonymous' ? 401 : (c.denied?.[caller] ?? 404);
    expect(res.status, await res.clone().text()).toBe(expected);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await digest()).toBe(before);
  });
});

it('answers 404 in a region where the plugin is disabled, even to the platform admin', async () => {
  const res = await h.t.request(`${base}/indicators`, { auth: 'admin', headers: { 'Lifelong-Region': 'off' } });
  expect(res.status).toBe(404);
});

it('declares every status it answered in OpenAPI', async () => {
  expect(await h.t.undeclaredStatuses()).toEqual([]);
});

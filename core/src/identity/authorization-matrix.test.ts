import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultRows } from '../db/database.js';
import { createTestPlatform, type RequestOptions, type TestPerson, type TestPlatform } from '../testing/index.js';

/**
 * Every identity route × every kind of caller: who is allowed, and that everyone else gets a
 * 401/403 problem and changes nothing (the audit log, which every change writes to, stays put).
 */
type Who =
  | 'anonymous'
  | 'learner'
  | 'anotherLearner'
  | 'guardian'
  | 'registrar'
  | 'institutionKey'
  | 'regionAdmin'
  | 'otherRegionAdmin';
const EVERYONE: Who[] = [
  'anonymous',
  'learner',
  'anotherLearner',
  'guardian',
  'registrar',
  'institutionKey',
  'regionAdmin',
  'otherRegionAdmin',
];

let t: TestPlatform;
const tokens = {} as Record<Exclude<Who, 'anonymous'>, string>;
let institutionId: string;

beforeAll(async () => {
  t = await createTestPlatform();
  const admin = (path: string, json: unknown) => t.request(path, { method: 'POST', auth: 'admin', json });
  await admin('/v1/regions', { id: 'elsewhere', name: 'Elsewhere' });
  institutionId = (
    await (await admin('/v1/institutions', { name: 'School', kind: 'school', regionId: 'default' })).json()
  ).id;
  const key = await (await admin('/v1/api-keys', { name: 'School system', role: 'issuer', institutionId })).json();
  tokens.institutionKey = key.key;
  tokens.anotherLearner = (await t.person()).token;
  tokens.registrar = (
    await t.person({ roles: [{ role: 'registrar', scope: { type: 'region', id: 'default' } }] })
  ).token;
  tokens.regionAdmin = (
    await t.person({ roles: [{ role: 'region-admin', scope: { type: 'region', id: 'default' } }] })
  ).token;
  tokens.otherRegionAdmin = (
    await t.person({ roles: [{ role: 'region-admin', scope: { type: 'region', id: 'elsewhere' } }] })
  ).token;
});
afterAll(() => t.close());

/** A minor (the learner under test) and their guardian, fresh for each attempt. */
async function family(): Promise<{ child: TestPerson; guardian: TestPerson }> {
  const guardian = await t.person();
  const child = await t.person({ dateOfBirth: '2014-06-01', guardian });
  return { child, guardian };
}

/** A pending erasure request for the minor, asked for by their guardian. */
async function pendingErasure(child: TestPerson, guardian: TestPerson): Promise<string> {
  const res = await t.request(`/v1/people/${child.learnerNumber}/erasure-requests`, {
    method: 'POST',
    auth: guardian.token,
    json: {},
  });
  expect(res.status).toBe(201);
  return (await res.json()).id;
}

interface Case {
  name: string;
  allowed: Who[];
  /** Builds the request for one attempt, with fresh data where the route changes something. */
  request: (f: { child: TestPerson; guardian: TestPerson }) => Promise<[string, RequestOptions]>;
}

const cases: Case[] = [
  {
    name: 'GET /v1/people/{learnerNumber}',
    allowed: ['learner', 'guardian', 'registrar', 'regionAdmin'],
    request: async ({ child }) => [`/v1/people/${child.learnerNumber}`, {}],
  },
  {
    // The registrars' queue of the request's region (default): the other region's admin may not read it.
    name: 'GET /v1/people',
    allowed: ['registrar', 'regionAdmin'],
    request: async () => ['/v1/people?status=unverified', {}],
  },
  {
    name: 'POST /v1/people/{learnerNumber}/verification',
    allowed: ['registrar', 'regionAdmin'],
    request: async ({ child }) => [
      `/v1/people/${child.learnerNumber}/verification`,
      { method: 'POST', json: { decision: 'approve', evidence: { kind: 'in-person', reference: 'm' } } },
    ],
  },
  {
    name: 'POST /v1/people/{learnerNumber}/guardians',
    // The guardian consents to a co-guardian; registrars link one on evidence (trust-matrix.test.ts has more).
    allowed: ['guardian', 'registrar', 'regionAdmin'],
    request: async ({ child }) => [
      `/v1/people/${child.learnerNumber}/guardians`,
      {
        method: 'POST',
        json: {
          guardianLearnerNumber: (await t.person({ verified: true })).learnerNumber,
          evidence: { kind: 'in-person', reference: 'birth certificate' },
        },
      },
    ],
  },
  {
    name: 'PUT /v1/people/{learnerNumber}/password',
    // Only the guardian: the minor changes their own with POST /v1/me/password (and the current one).
    allowed: ['guardian'],
    request: async ({ child }) => [
      `/v1/people/${child.learnerNumber}/password`,
      { method: 'PUT', json: { newPassword: 'a fresh start for you' } },
    ],
  },
  {
    name: 'POST /v1/people/{learnerNumber}/merge',
    allowed: ['regionAdmin'],
    request: async ({ child }) => [
      `/v1/people/${child.learnerNumber}/merge`,
      { method: 'POST', json: { into: (await t.person()).learnerNumber, reason: 'duplicate' } },
    ],
  },
  {
    name: 'GET /v1/people/{learnerNumber}/roles',
    allowed: ['learner', 'guardian', 'registrar', 'regionAdmin'],
    request: async ({ child }) => [`/v1/people/${child.learnerNumber}/roles`, {}],
  },
  {
    name: 'POST /v1/people/{learnerNumber}/roles',
    allowed: ['regionAdmin'],
    request: async ({ child }) => [
      `/v1/people/${child.learnerNumber}/roles`,
      { method: 'POST', json: { role: 'teacher', scope: { type: 'region', id: 'default' } } },
    ],
  },
  {
    name: 'DELETE /v1/people/{learnerNumber}/roles/{grantId}',
    allowed: ['regionAdmin'],
    request: async ({ child }) => {
      const grant = await (
        await t.request(`/v1/people/${child.learnerNumber}/roles`, {
          method: 'POST',
          auth: 'admin',
          json: { role: 'teacher', scope: { type: 'region', id: 'default' } },
        })
      ).json();
      return [`/v1/people/${child.learnerNumber}/roles/${grant.id}`, { method: 'DELETE' }];
    },
  },
  {
    name: 'POST /v1/api-keys',
    allowed: ['regionAdmin'],
    request: async () => ['/v1/api-keys', { method: 'POST', json: { name: 'k', role: 'issuer', institutionId } }],
  },
  { name: 'GET /v1/api-keys', allowed: ['regionAdmin', 'otherRegionAdmin'], request: async () => ['/v1/api-keys', {}] },
  {
    name: 'DELETE /v1/api-keys/{keyId}',
    allowed: ['regionAdmin'],
    request: async () => {
      const key = await (
        await t.request('/v1/api-keys', {
          method: 'POST',
          auth: 'admin',
          json: { name: 'k', role: 'issuer', institutionId },
        })
      ).json();
      return [`/v1/api-keys/${key.id}`, { method: 'DELETE' }];
    },
  },
  {
    name: 'POST /v1/institutions',
    allowed: ['regionAdmin'],
    request: async () => [
      '/v1/institutions',
      { method: 'POST', json: { name: 'New', kind: 'company', regionId: 'default' } },
    ],
  },
  {
    name: 'PUT /v1/institutions/{institutionId}/accreditation',
    allowed: ['regionAdmin'],
    request: async () => [
      `/v1/institutions/${institutionId}/accreditation`,
      { method: 'PUT', json: { status: 'accredited' } },
    ],
  },
  { name: 'GET /v1/institutions', allowed: EVERYONE, request: async () => ['/v1/institutions', {}] },
  { name: 'GET /v1/audit', allowed: ['regionAdmin', 'otherRegionAdmin'], request: async () => ['/v1/audit', {}] },
  { name: 'GET /v1/regions', allowed: EVERYONE, request: async () => ['/v1/regions', {}] },
  {
    name: 'POST /v1/regions',
    allowed: [],
    request: async () => [
      '/v1/regions',
      { method: 'POST', json: { id: `r-${Math.random().toString(36).slice(2, 8)}`, name: 'R' } },
    ],
  },
  {
    name: 'PUT /v1/regions/{regionId}/two-factor',
    allowed: ['regionAdmin'],
    request: async () => ['/v1/regions/default/two-factor', { method: 'PUT', json: { required: false } }],
  },
  {
    name: 'GET /v1/me/two-factor',
    // Every person reads their own; an API key has no second factor.
    allowed: ['learner', 'anotherLearner', 'guardian', 'registrar', 'regionAdmin', 'otherRegionAdmin'],
    request: async () => ['/v1/me/two-factor', {}],
  },
  {
    // Every person names themself (the route has no subject to aim at someone else); keys cannot.
    name: 'PUT /v1/me/display-name',
    allowed: EVERYONE.filter((w) => w !== 'anonymous' && w !== 'institutionKey'),
    request: async () => ['/v1/me/display-name', { method: 'PUT', json: { displayName: 'A chosen name' } }],
  },
  {
    name: 'DELETE /v1/me/display-name',
    allowed: EVERYONE.filter((w) => w !== 'anonymous' && w !== 'institutionKey'),
    request: async () => ['/v1/me/display-name', { method: 'DELETE' }],
  },
  {
    // Privacy (docs/privacy.md): the person and a minor's guardian; officers erase, they do not read archives.
    name: 'GET /v1/people/{learnerNumber}/personal-data',
    allowed: ['learner', 'guardian'],
    request: async ({ child }) => [`/v1/people/${child.learnerNumber}/personal-data`, {}],
  },
  {
    name: 'POST /v1/people/{learnerNumber}/erasure-requests',
    allowed: ['learner', 'guardian'],
    request: async ({ child }) => [`/v1/people/${child.learnerNumber}/erasure-requests`, { method: 'POST', json: {} }],
  },
  {
    name: 'GET /v1/people/{learnerNumber}/erasure-requests',
    allowed: ['learner', 'guardian'],
    request: async ({ child }) => [`/v1/people/${child.learnerNumber}/erasure-requests`, {}],
  },
  {
    name: 'POST /v1/people/{learnerNumber}/erasure-requests/{requestId}/cancellation',
    allowed: ['learner', 'guardian'],
    request: async ({ child, guardian }) => [
      `/v1/people/${child.learnerNumber}/erasure-requests/${await pendingErasure(child, guardian)}/cancellation`,
      { method: 'POST' },
    ],
  },
  {
    // Holders of people.erase in the request's region (default) only.
    name: 'GET /v1/erasure-requests',
    allowed: ['regionAdmin'],
    request: async () => ['/v1/erasure-requests', {}],
  },
  {
    name: 'POST /v1/people/{learnerNumber}/erasure-requests/{requestId}/decision',
    allowed: ['regionAdmin'],
    request: async ({ child, guardian }) => [
      `/v1/people/${child.learnerNumber}/erasure-requests/${await pendingErasure(child, guardian)}/decision`,
      { method: 'POST', json: { decision: 'reject', reason: 'kept by law' } },
    ],
  },
  {
    name: 'GET /v1/me',
    allowed: EVERYONE.filter((w) => w !== 'anonymous'),
    request: async () => ['/v1/me', {}],
  },
];

async function auditEntries(): Promise<number> {
  const [row] = resultRows<{ n: number | string }>(
    await t.platform.database.db.execute(sql`select count(*) as n from core.audit_log`),
  );
  return Number(row?.n);
}

describe('identity authorization matrix', () => {
  for (const { name, allowed, request } of cases) {
    for (const who of EVERYONE) {
      const allow = allowed.includes(who);
      it(`${name} — ${who} is ${allow ? 'allowed' : 'denied'}`, async () => {
        const f = await family();
        const [path, init] = await request(f);
        const auth =
          who === 'anonymous'
            ? undefined
            : who === 'learner'
              ? f.child.token
              : who === 'guardian'
                ? f.guardian.token
                : tokens[who];
        const before = await auditEntries();
        const res = await t.request(path, { ...init, ...(auth ? { auth } : {}) });
        if (allow) {
          expect(res.status, await res.clone().text()).toBeLessThan(400);
          return;
        }
        expect(res.status).toBe(who === 'anonymous' ? 401 : 403);
        expect(res.headers.get('content-type')).toBe('application/problem+json');
        expect(await auditEntries()).toBe(before);
      });
    }
  }
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultRows } from '../db/database.js';
import { createTestPlatform, type RequestOptions, type TestPerson, type TestPlatform } from '../testing/index.js';
import { mod11_2CheckChar } from './iso7064.js';

/**
 * The guardianship and verification routes × every kind of caller (issue #16). Each attempt gets
 * a fresh subject; a deny is a 401/403 problem that leaves the subject's status, guardians,
 * password and the audit log exactly as they were. "Guardian of an adult" holds a guardianship
 * row whose ward is an adult (as a minor coming of age leaves it, or as the old attack wrote it):
 * it must give no power at all.
 */
type Who =
  | 'anonymous'
  | 'person'
  | 'anotherLearner'
  | 'guardianOfMinor'
  | 'guardianOfAdult'
  | 'registrar'
  | 'otherRegionRegistrar'
  | 'regionAdmin'
  | 'platformAdmin';
const EVERYONE: Who[] = [
  'anonymous',
  'person',
  'anotherLearner',
  'guardianOfMinor',
  'guardianOfAdult',
  'registrar',
  'otherRegionRegistrar',
  'regionAdmin',
  'platformAdmin',
];
const REGISTRARS: Who[] = ['registrar', 'regionAdmin', 'platformAdmin'];
const EVIDENCE = { kind: 'document-check', reference: 'case-7' } as const;

let t: TestPlatform;
const tokens = {} as Record<'anotherLearner' | 'registrar' | 'otherRegionRegistrar' | 'regionAdmin', string>;

beforeAll(async () => {
  t = await createTestPlatform();
  await t.request('/v1/regions', { method: 'POST', auth: 'admin', json: { id: 'elsewhere', name: 'Elsewhere' } });
  const inRegion = (role: string, id = 'default') => [{ role, scope: { type: 'region', id } }];
  tokens.anotherLearner = (await t.person({ verified: true })).token;
  tokens.registrar = (await t.person({ verified: true, roles: inRegion('registrar') })).token;
  tokens.otherRegionRegistrar = (await t.person({ verified: true, roles: inRegion('registrar', 'elsewhere') })).token;
  tokens.regionAdmin = (await t.person({ verified: true, roles: inRegion('region-admin') })).token;
});
afterAll(() => t.close());

/**
 * The subject of one attempt: a minor with their guardian, or, for the guardian-of-an-adult
 * caller, an adult with a guardianship row pointing at them.
 */
async function subjectFor(who: Who, verified: boolean): Promise<{ subject: TestPerson; guardian: TestPerson }> {
  const guardian = await t.person({ verified: true });
  if (who === 'guardianOfAdult') {
    const subject = await t.person({ verified });
    await t.platform.database.db.execute(
      sql`insert into core.guardianships (minor_id, guardian_id) values (${subject.id}, ${guardian.id})`,
    );
    return { subject, guardian };
  }
  return { subject: await t.person({ dateOfBirth: '2014-06-01', guardian, verified }), guardian };
}

function tokenOf(who: Who, f: { subject: TestPerson; guardian: TestPerson }): string | undefined {
  switch (who) {
    case 'anonymous':
      return undefined;
    case 'person':
      return f.subject.token;
    case 'guardianOfMinor':
    case 'guardianOfAdult':
      return f.guardian.token;
    case 'platformAdmin':
      return 'admin';
    default:
      return tokens[who];
  }
}

async function snapshot(personId: string): Promise<unknown> {
  const db = t.platform.database.db;
  const [row] = resultRows<Record<string, unknown>>(
    await db.execute(sql`
      select p.status, p.verified_at,
        (select coalesce(string_agg(g.guardian_id::text, ',' order by g.guardian_id), '')
           from core.guardianships g where g.minor_id = p.id) as guardians,
        (select hash from core.passwords where person_id = p.id) as password,
        (select count(*) from core.sessions s where s.person_id = p.id and s.revoked_at is null) as sessions,
        (select count(*) from core.audit_log) as audit
      from core.people p where p.id = ${personId}`),
  );
  return row;
}

interface Case {
  name: string;
  allowed: Who[];
  /** Whether the subject is verified before the attempt. */
  verified: boolean;
  request: (subject: TestPerson) => Promise<[string, RequestOptions]>;
}

const cases: Case[] = [
  {
    name: 'GET /v1/people/{learnerNumber}',
    allowed: ['person', 'guardianOfMinor', ...REGISTRARS],
    verified: false,
    request: async (s) => [`/v1/people/${s.learnerNumber}`, {}],
  },
  {
    name: 'POST /v1/people/{learnerNumber}/verification (approve)',
    allowed: REGISTRARS,
    verified: false,
    request: async (s) => [
      `/v1/people/${s.learnerNumber}/verification`,
      { method: 'POST', json: { decision: 'approve', evidence: EVIDENCE } },
    ],
  },
  {
    name: 'POST /v1/people/{learnerNumber}/verification (reject)',
    allowed: REGISTRARS,
    verified: false,
    request: async (s) => [
      `/v1/people/${s.learnerNumber}/verification`,
      { method: 'POST', json: { decision: 'reject', evidence: EVIDENCE } },
    ],
  },
  {
    name: 'POST /v1/people/{learnerNumber}/verification/revocation',
    allowed: REGISTRARS,
    verified: true,
    request: async (s) => [
      `/v1/people/${s.learnerNumber}/verification/revocation`,
      { method: 'POST', json: { reason: 'forged document', evidence: EVIDENCE } },
    ],
  },
  {
    name: 'POST /v1/people/{learnerNumber}/guardians',
    allowed: ['guardianOfMinor', ...REGISTRARS],
    verified: false,
    request: async (s) => [
      `/v1/people/${s.learnerNumber}/guardians`,
      {
        method: 'POST',
        json: { guardianLearnerNumber: (await t.person({ verified: true })).learnerNumber, evidence: EVIDENCE },
      },
    ],
  },
  {
    name: 'PUT /v1/people/{learnerNumber}/guardians',
    allowed: REGISTRARS,
    verified: false,
    request: async (s) => [
      `/v1/people/${s.learnerNumber}/guardians`,
      {
        method: 'PUT',
        json: { guardianLearnerNumbers: [(await t.person({ verified: true })).learnerNumber], evidence: EVIDENCE },
      },
    ],
  },
];

describe('guardianship and verification authorization matrix', () => {
  for (const { name, allowed, verified, request } of cases) {
    for (const who of EVERYONE) {
      const allow = allowed.includes(who);
      it(`${name} — ${who} is ${allow ? 'allowed' : 'denied'}`, async () => {
        const f = await subjectFor(who, verified);
        const [path, init] = await request(f.subject);
        const auth = tokenOf(who, f);
        const before = await snapshot(f.subject.id);
        const res = await t.request(path, { ...init, ...(auth ? { auth } : {}) });
        if (allow) {
          expect(res.status, await res.clone().text()).toBeLessThan(300);
          return;
        }
        expect(res.status, await res.clone().text()).toBe(who === 'anonymous' ? 401 : 403);
        expect(res.headers.get('content-type')).toBe('application/problem+json');
        expect(await snapshot(f.subject.id)).toEqual(before);
      });
    }
  }
});

describe('no existence oracle', () => {
  it('an unknown learner number is the same 403 as a known one to callers who may not read people', async () => {
    const known = await subjectFor('registrar', false);
    const body = { guardianLearnerNumber: (await t.person({ verified: true })).learnerNumber };
    const unused = `100000000000000${mod11_2CheckChar('100000000000000')}`;
    const post = (number: string, auth: string) =>
      t.request(`/v1/people/${number}/guardians`, { method: 'POST', auth, json: body });
    expect((await post(known.subject.learnerNumber, tokens.anotherLearner)).status).toBe(403);
    expect((await post(unused, tokens.anotherLearner)).status).toBe(403);
    expect((await post(unused, 'admin')).status).toBe(404);
  });
});

// Every credentials route × every kind of caller (docs/plugins/learning-records.md, "Who may do
// what"): the institution's issuer key, a region admin of its region and the platform admin get
// a 2xx; anonymous callers 401; callers without `learning-records.credentials.manage` anywhere
// 403; holders of it elsewhere (another institution's key, another region's admin) 404, exactly
// as for an unknown institution. A refusal changes nothing in the plugin's tables.
import { resultRows } from '@lifelong/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness } from './test-support.js';

const CALLERS = [
  'anonymous',
  'learner',
  'registrar',
  'institutionKey',
  'otherInstitutionKey',
  'regionAdmin',
  'otherRegionAdmin',
  'platformAdmin',
] as const;
type Caller = (typeof CALLERS)[number];
const MANAGERS: Caller[] = ['institutionKey', 'regionAdmin', 'platformAdmin'];
const DENIED: Record<Caller, number> = {
  anonymous: 401,
  learner: 403,
  registrar: 403,
  otherInstitutionKey: 404,
  otherRegionAdmin: 404,
  institutionKey: 0,
  regionAdmin: 0,
  platformAdmin: 0,
};

let h: Harness;
const auth = {} as Record<Caller, string | undefined>;

beforeAll(async () => {
  h = await harness();
  const { p, t } = h;
  const other = await (
    await t.request('/v1/institutions', {
      method: 'POST',
      auth: 'admin',
      json: { name: 'Other', kind: 'school', regionId: 'default' },
    })
  ).json();
  const otherKey = await (
    await t.request('/v1/api-keys', {
      method: 'POST',
      auth: 'admin',
      json: { name: 'Other system', role: 'issuer', institutionId: other.id },
    })
  ).json();
  Object.assign(auth, {
    anonymous: undefined,
    learner: p.learner.token,
    registrar: p.registrar.token,
    institutionKey: p.institution.key,
    otherInstitutionKey: otherKey.key,
    regionAdmin: p.regionAdmin.token,
    otherRegionAdmin: p.otherRegionAdmin.token,
    platformAdmin: 'admin',
  } satisfies Record<Caller, string | undefined>);
}, 300_000); // a fresh platform and its principals: minutes on a busy 2-core machine
afterAll(() => h?.t.close());

async function digest(): Promise<string> {
  const rows = resultRows<{ d: string }>(
    await h.t.platform.database.db.execute(sql`
      select md5(
        coalesce((select string_agg(c::text, ',' order by c.id) from learning_records.credentials c), '') ||
        coalesce((select string_agg(s::text, ',' order by s.id) from learning_records.statements s), '')
      ) as d`),
  );
  return rows[0]?.d ?? '';
}

interface Case {
  name: string;
  call(caller: Caller): Promise<Response>;
}

const CASES: Case[] = [
  {
    name: 'POST /credentials',
    call: (caller) =>
      h.t.request('/v1/learning-records/credentials', {
        method: 'POST',
        auth: auth[caller],
        json: { institutionId: h.p.institution.id, name: `LMS of ${caller}`, scopes: ['statements/write'] },
      }),
  },
  {
    name: 'GET /credentials',
    call: (caller) =>
      h.t.request(`/v1/learning-records/credentials?institutionId=${h.p.institution.id}`, { auth: auth[caller] }),
  },
  {
    name: 'DELETE /credentials/{credentialId}',
    call: async (caller) => {
      const target = await h.credential(['statements/read']);
      return h.t.request(`/v1/learning-records/credentials/${target.id}`, { method: 'DELETE', auth: auth[caller] });
    },
  },
];

describe.each(CASES)('$name', ({ call }) => {
  it.each(CALLERS)('as %s', async (caller) => {
    if (MANAGERS.includes(caller)) {
      const res = await call(caller);
      expect(res.status).toBeLessThan(300);
      return;
    }
    expect((await call(caller)).status).toBe(DENIED[caller]);
  });
});

describe('a refusal changes nothing', () => {
  it.each(CALLERS.filter((c) => !MANAGERS.includes(c)))('as %s', async (caller) => {
    const target = await h.credential(['statements/read']);
    const before = await digest();
    const refused = [
      await CASES[0]?.call(caller),
      await h.t.request(`/v1/learning-records/credentials/${target.id}`, { method: 'DELETE', auth: auth[caller] }),
    ];
    for (const res of refused) expect(res?.status).toBe(DENIED[caller]);
    expect(await digest()).toBe(before);
  });

  it('answers an unknown institution and credential exactly as one the caller does not manage', async () => {
    const unknown = await h.t.request(
      '/v1/learning-records/credentials?institutionId=01900000-0000-7000-8000-000000000000',
      { auth: auth.otherInstitutionKey },
    );
    const notYours = await h.t.request(`/v1/learning-records/credentials?institutionId=${h.p.institution.id}`, {
      auth: auth.otherInstitutionKey,
    });
    expect(unknown.status).toBe(404);
    expect(notYours.status).toBe(404);
    expect((await unknown.json()).code).toBe((await notYours.json()).code);
  });
});

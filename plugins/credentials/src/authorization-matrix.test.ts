// Every credentials route × every kind of caller (docs/plugins/credentials.md, "Routes"): the
// allowed callers get a 2xx, anonymous callers of a protected route 401, callers who may not see
// the record, person or credential 404 (as for an unknown id: no existence oracle), callers without
// the permission 403; and a refusal changes nothing in the plugin's tables.
import { resultRows } from '@lifelong/core';
import type { TestPrincipals } from '@lifelong/core/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness } from './test-support.js';

const CALLERS = [
  'anonymous',
  'owner',
  'otherLearner',
  'registrar',
  'regionAdmin',
  'otherRegionAdmin',
  'institutionKey',
  'platformAdmin',
] as const;
type Caller = (typeof CALLERS)[number];

let h: Harness;
let p: TestPrincipals;
const auth = {} as Record<Caller, string | undefined>;
let recordId: string;
let learnerNumber: string;
let credentialId: string;

beforeAll(async () => {
  h = await harness();
  p = await h.t.principals();
  const owner = await h.t.person({ verified: true });
  learnerNumber = owner.learnerNumber;
  Object.assign(auth, {
    anonymous: undefined,
    owner: owner.token,
    otherLearner: p.otherLearner.token,
    registrar: p.registrar.token,
    regionAdmin: p.regionAdmin.token,
    otherRegionAdmin: p.otherRegionAdmin.token,
    institutionKey: p.institution.key,
    platformAdmin: 'admin',
  } satisfies Record<Caller, string | undefined>);
  recordId = await h.record(owner.id, { providerInstitutionId: p.institution.id });
  const res = await h.t.request(`/v1/credentials/records/${recordId}/credential`, {
    method: 'POST',
    auth: owner.token,
  });
  credentialId = (await res.json()).id;
}, 120_000);
afterAll(() => h?.t.close());

/** Everything the plugin stores, as one digest: a refusal must leave it as it was. */
async function digest(): Promise<string> {
  const [row] = resultRows<{ d: string }>(
    await h.t.platform.database.db.execute(sql`
      select md5(
        coalesce((select string_agg(i::text, ',' order by i.id) from credentials.issued i), '') ||
        coalesce((select string_agg(k::text, ',' order by k.id) from credentials.issuer_keys k), '') ||
        coalesce((select string_agg(s::text, ',' order by s.region_id) from credentials.status_lists s), '')
      ) as d`),
  );
  return (row as { d: string }).d;
}

interface Case {
  name: string;
  call: (auth: string | undefined) => Promise<Response>;
  expected: Record<Caller, number>;
}

const request =
  (path: string, init: { method?: string; json?: unknown } = {}) =>
  (a: string | undefined) =>
    h.t.request(`/v1/credentials${path}`, { ...init, ...(a ? { auth: a } : {}) });

const CASES: () => Case[] = () => [
  {
    name: 'POST /records/{recordId}/credential',
    call: (a) => request(`/records/${recordId}/credential`, { method: 'POST' })(a),
    expected: {
      anonymous: 401,
      owner: 201,
      otherLearner: 404,
      registrar: 201,
      regionAdmin: 201,
      otherRegionAdmin: 404,
      institutionKey: 201,
      platformAdmin: 201,
    },
  },
  {
    name: 'GET /people/{learnerNumber}/clr',
    call: (a) => request(`/people/${learnerNumber}/clr`)(a),
    expected: {
      anonymous: 401,
      owner: 200,
      otherLearner: 404,
      registrar: 200,
      regionAdmin: 200,
      otherRegionAdmin: 404,
      institutionKey: 404,
      platformAdmin: 200,
    },
  },
  {
    name: 'GET /credentials/{credentialId}/download',
    call: (a) => request(`/credentials/${credentialId}/download`)(a),
    expected: {
      anonymous: 401,
      owner: 200,
      otherLearner: 404,
      registrar: 200,
      regionAdmin: 200,
      otherRegionAdmin: 404,
      institutionKey: 404,
      platformAdmin: 200,
    },
  },
  {
    name: 'GET /credentials/{credentialId}/verification (public)',
    call: (a) => request(`/credentials/${credentialId}/verification`)(a),
    expected: Object.fromEntries(CALLERS.map((c) => [c, 200])) as Record<Caller, number>,
  },
  {
    name: 'GET /issuers/{regionId}/did.json (public)',
    call: (a) => request('/issuers/default/did.json')(a),
    expected: Object.fromEntries(CALLERS.map((c) => [c, 200])) as Record<Caller, number>,
  },
  {
    name: 'POST /verify (public)',
    call: (a) => request('/verify', { method: 'POST', json: { credential: 'x.y.z' } })(a),
    expected: Object.fromEntries(CALLERS.map((c) => [c, 200])) as Record<Caller, number>,
  },
];

describe('authorization matrix', () => {
  for (const caller of CALLERS) {
    it(`answers ${caller} as documented, and a refusal changes nothing`, async () => {
      for (const c of CASES()) {
        const before = await digest();
        const res = await c.call(auth[caller]);
        expect({ route: c.name, status: res.status }).toEqual({ route: c.name, status: c.expected[caller] });
        if (res.status >= 400) expect(await digest()).toBe(before);
      }
    });
  }

  it('key rotation: 401 anonymous, 403 without credentials.keys.rotate in the region, 200 for its admins', async () => {
    const rotate = (a: string | undefined) =>
      request('/issuers/default/rotation', { method: 'POST', json: { reason: 'scheduled' } })(a);
    const expected: Record<Caller, number> = {
      anonymous: 401,
      owner: 403,
      otherLearner: 403,
      registrar: 403,
      regionAdmin: 200,
      otherRegionAdmin: 403,
      institutionKey: 403,
      platformAdmin: 200,
    };
    for (const caller of CALLERS) {
      const before = await digest();
      const res = await rotate(auth[caller]);
      expect({ caller, status: res.status }).toEqual({ caller, status: expected[caller] });
      if (res.status >= 400) expect(await digest()).toBe(before);
    }
  });
});

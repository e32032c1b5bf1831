// Every industry-support route × every kind of caller (docs/plugins/industry-support.md, "Who may
// do what"): the allowed callers get a 2xx, everyone else 401 (anonymous), 403 (the wrong kind of
// principal: a company where a learner acts, a learner where a company or an admin acts) or 404 (a
// need that is not theirs: no existence oracle), and a refusal changes nothing in the plugin's tables.
import { resultRows } from '@lifelong/core';
import type { RequestOptions, TestPrincipals } from '@lifelong/core/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { company, fixture, type Harness, harness, importEsco } from './test-support.js';

const CALLERS = [
  'anonymous',
  'learner',
  'otherLearner',
  'company',
  'otherCompany',
  'regionAdmin',
  'otherRegionAdmin',
  'schoolKey',
] as const;
type Caller = (typeof CALLERS)[number];
const PEOPLE: Caller[] = ['learner', 'otherLearner', 'regionAdmin', 'otherRegionAdmin'];
const KEYS: Caller[] = ['company', 'otherCompany', 'schoolKey'];
const SIGNED_IN: Caller[] = [...PEOPLE, ...KEYS];
const ADMIN: Caller[] = ['regionAdmin'];
const allExcept = (allowed: Caller[], status: number) =>
  Object.fromEntries(SIGNED_IN.filter((c) => !allowed.includes(c)).map((c) => [c, status])) as Partial<
    Record<Caller, number>
  >;
/** Only people act as learners: keys get 403. */
const KEYS_ARE_NOT_PEOPLE = { company: 403, otherCompany: 403, schoolKey: 403 } as const;

let h: Harness;
let p: TestPrincipals;
const auth = {} as Record<Caller, string | undefined>;
let acme: { id: string; key: string };
let taxonomyId: string;
let importId: string;
let occupationId: string;
let skillId: string;
let otherSkillId: string;

beforeAll(async () => {
  h = await harness();
  p = await h.t.principals();
  acme = await company(h, 'Acme');
  const other = await company(h, 'Other Co');
  Object.assign(auth, {
    anonymous: undefined,
    learner: p.learner.token,
    otherLearner: p.otherLearner.token,
    company: acme.key,
    otherCompany: other.key,
    regionAdmin: p.regionAdmin.token,
    otherRegionAdmin: p.otherRegionAdmin.token,
    schoolKey: p.institution.key,
  } satisfies Record<Caller, string | undefined>);
  const esco = await importEsco(h, p.regionAdmin.token);
  taxonomyId = esco.taxonomy.id;
  importId = esco.imports[0]?.id as string;
  occupationId = esco.occupation.welder as string;
  skillId = esco.skill['use arc welding techniques'] as string;
  otherSkillId = esco.skill.SQL as string;
}, 300_000); // a platform, principals and the ESCO fixture imported: slow on a busy machine
afterAll(() => h.t.close());

/** Everything the plugin stores, as one digest: a refusal must leave it as it was. */
async function digest(): Promise<string> {
  const tables = [
    'taxonomies',
    'skills',
    'occupations',
    'occupation_skills',
    'skill_links',
    'crosswalks',
    'imports',
    'needs',
    'need_versions',
    'evidence_rules',
    'declared_skills',
    'consents',
    'match_snapshots',
  ];
  const parts = tables.map(
    (t) => `coalesce((select string_agg(x::text, ',' order by x::text) from industry_support.${t} x), '')`,
  );
  const rows = resultRows<{ d: string }>(
    await h.t.platform.database.db.execute(sql.raw(`select md5(${parts.join(' || ')}) as d`)),
  );
  return rows[0]?.d ?? '';
}

const base = '/v1/industry-support';
const needBody = () => ({
  title: 'Welders',
  headcount: 2,
  skills: [{ skillId, essential: true, requiredLevel: 3 }],
});
async function draftNeed() {
  return h.as(acme.key).needs.create({ body: needBody() });
}
async function openNeed() {
  return h.as(acme.key).needs.publish({ needId: (await draftNeed()).id });
}
let taxonomyCount = 0;
const freshTaxonomy = () =>
  h.as(p.regionAdmin.token).taxonomies.create({
    body: {
      code: `esco-m${++taxonomyCount}`,
      version: '1',
      name: 'm',
      format: 'esco-csv',
      source: 'https://example.org',
      licence: 'CC BY 4.0',
    },
  });

interface Case {
  name: string;
  allowed: Caller[];
  /** The refusal of signed-in callers who are not allowed, when it is not 404. */
  denied?: Partial<Record<Caller, number>>;
  request: () => Promise<[string, RequestOptions]>;
}

const cases: Case[] = [
  {
    name: 'POST /taxonomies',
    allowed: ADMIN,
    denied: allExcept(ADMIN, 403),
    request: async () => [
      `${base}/taxonomies`,
      {
        method: 'POST',
        json: { code: `x${++taxonomyCount}`, version: '1', name: 'x', format: 'case', source: 's', licence: 'l' },
      },
    ],
  },
  { name: 'GET /taxonomies', allowed: SIGNED_IN, request: async () => [`${base}/taxonomies`, {}] },
  {
    name: 'POST /taxonomies/{taxonomyId}/imports/{file}',
    allowed: ADMIN,
    denied: allExcept(ADMIN, 403),
    request: async () => [
      `${base}/taxonomies/${(await freshTaxonomy()).id}/imports/esco-occupations`,
      {
        method: 'POST',
        body: new TextEncoder().encode(await fixture('esco/occupations.csv')),
        headers: { 'Content-Type': 'text/csv' },
      },
    ],
  },
  {
    name: 'GET /imports/{importId}',
    allowed: ADMIN,
    denied: allExcept(ADMIN, 403),
    request: async () => [`${base}/imports/${importId}`, {}],
  },
  {
    name: 'GET /taxonomies/{taxonomyId}/skills',
    allowed: SIGNED_IN,
    request: async () => [`${base}/taxonomies/${taxonomyId}/skills`, {}],
  },
  {
    name: 'GET /taxonomies/{taxonomyId}/occupations',
    allowed: SIGNED_IN,
    request: async () => [`${base}/taxonomies/${taxonomyId}/occupations`, {}],
  },
  {
    name: 'GET /occupations/{occupationId}',
    allowed: SIGNED_IN,
    request: async () => [`${base}/occupations/${occupationId}`, {}],
  },
  {
    name: 'POST /local/skills',
    allowed: ADMIN,
    denied: allExcept(ADMIN, 403),
    request: async () => [`${base}/local/skills`, { method: 'POST', json: { label: 'Local' } }],
  },
  {
    name: 'POST /local/occupations',
    allowed: ADMIN,
    denied: allExcept(ADMIN, 403),
    request: async () => [`${base}/local/occupations`, { method: 'POST', json: { label: 'Local' } }],
  },
  {
    name: 'POST /crosswalks',
    allowed: ADMIN,
    denied: allExcept(ADMIN, 403),
    request: async () => [
      `${base}/crosswalks`,
      { method: 'POST', json: { fromSkillId: skillId, toSkillId: otherSkillId, match: 'closeMatch' } },
    ],
  },
  {
    name: 'POST /evidence-rules',
    allowed: ADMIN,
    denied: allExcept(ADMIN, 403),
    request: async () => [
      `${base}/evidence-rules`,
      { method: 'POST', json: { formId: '01890000-0000-7000-8000-000000000001', skillId, level: 3 } },
    ],
  },
  {
    name: 'POST /needs',
    allowed: ['company', 'otherCompany'],
    denied: allExcept(['company', 'otherCompany'], 403),
    request: async () => [`${base}/needs`, { method: 'POST', json: needBody() }],
  },
  { name: 'GET /needs', allowed: SIGNED_IN, request: async () => [`${base}/needs`, {}] },
  {
    name: 'GET /needs/{needId} (draft)',
    allowed: ['company', 'regionAdmin'],
    request: async () => [`${base}/needs/${(await draftNeed()).id}`, {}],
  },
  {
    name: 'GET /needs/{needId} (open)',
    allowed: SIGNED_IN,
    request: async () => [`${base}/needs/${(await openNeed()).id}`, {}],
  },
  {
    name: 'PUT /needs/{needId}',
    allowed: ['company'],
    request: async () => [`${base}/needs/${(await openNeed()).id}`, { method: 'PUT', json: needBody() }],
  },
  {
    name: 'POST /needs/{needId}/publish',
    allowed: ['company'],
    request: async () => [`${base}/needs/${(await draftNeed()).id}/publish`, { method: 'POST' }],
  },
  {
    name: 'POST /needs/{needId}/close',
    allowed: ['company'],
    request: async () => [`${base}/needs/${(await openNeed()).id}/close`, { method: 'POST' }],
  },
  {
    name: 'GET /needs/{needId}/versions/{version}',
    allowed: ['company', 'regionAdmin'],
    request: async () => [`${base}/needs/${(await openNeed()).id}/versions/1`, {}],
  },
  {
    name: 'GET /me/profile',
    allowed: PEOPLE,
    denied: KEYS_ARE_NOT_PEOPLE,
    request: async () => [`${base}/me/profile`, {}],
  },
  {
    name: 'PUT /me/skills/{skillId}',
    allowed: PEOPLE,
    denied: KEYS_ARE_NOT_PEOPLE,
    request: async () => [`${base}/me/skills/${skillId}`, { method: 'PUT', json: { level: 2 } }],
  },
  {
    name: 'DELETE /me/skills/{skillId}',
    allowed: PEOPLE,
    denied: KEYS_ARE_NOT_PEOPLE,
    request: async () => [`${base}/me/skills/${skillId}`, { method: 'DELETE' }],
  },
  {
    name: 'GET /needs/{needId}/match',
    allowed: PEOPLE,
    denied: KEYS_ARE_NOT_PEOPLE,
    request: async () => [`${base}/needs/${(await openNeed()).id}/match`, {}],
  },
  {
    name: 'GET /needs/{needId}/gap-plan',
    allowed: PEOPLE,
    denied: KEYS_ARE_NOT_PEOPLE,
    request: async () => [`${base}/needs/${(await openNeed()).id}/gap-plan`, {}],
  },
  {
    name: 'POST /needs/{needId}/consents',
    allowed: PEOPLE,
    denied: KEYS_ARE_NOT_PEOPLE,
    request: async () => [`${base}/needs/${(await openNeed()).id}/consents`, { method: 'POST' }],
  },
  {
    name: 'DELETE /needs/{needId}/consents',
    allowed: PEOPLE,
    denied: KEYS_ARE_NOT_PEOPLE,
    request: async () => {
      const need = await openNeed();
      await h.as(p.learner.token).needs.consents.give({ needId: need.id });
      return [`${base}/needs/${need.id}/consents`, { method: 'DELETE' }];
    },
  },
  {
    name: 'GET /needs/{needId}/candidates',
    allowed: ['company'],
    request: async () => [`${base}/needs/${(await openNeed()).id}/candidates`, {}],
  },
  {
    name: 'GET /needs/{needId}/cohort',
    allowed: ['company', 'regionAdmin'],
    request: async () => [`${base}/needs/${(await openNeed()).id}/cohort`, {}],
  },
];

describe('the industry-support authorization matrix', () => {
  it('covers every operation of the plugin', async () => {
    const doc = await (await h.t.request('/openapi.json')).json();
    const operations = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .filter(([path]) => path.startsWith(`${base}/`))
      .flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path.slice(base.length)}`));
    const covered = new Set(cases.map((c) => c.name.replace(/ \(.*\)$/, '')));
    expect(operations.filter((o) => !covered.has(o))).toEqual([]);
  });

  for (const c of cases) {
    it(c.name, async () => {
      const got: Record<string, number> = {};
      const want: Record<string, number> = {};
      for (const caller of CALLERS) {
        const [path, init] = await c.request();
        const before = await digest();
        expect(before).toMatch(/^[0-9a-f]{32}$/);
        const res = await h.t.request(path, { ...init, ...(auth[caller] ? { auth: auth[caller] } : {}) });
        got[caller] = res.status < 300 ? 200 : res.status;
        want[caller] = c.allowed.includes(caller) ? 200 : caller === 'anonymous' ? 401 : (c.denied?.[caller] ?? 404);
        if (res.status >= 300) {
          expect(res.headers.get('content-type')).toBe('application/problem+json');
          expect(await digest(), `${caller} changed something`).toBe(before);
        }
      }
      expect(got).toEqual(want);
    });
  }

  it('declares every status it answered in the OpenAPI document', async () => {
    expect(await h.t.undeclaredStatuses()).toEqual([]);
  });

  it('lists show each caller only what they may see: a company its own needs, learners the open ones', async () => {
    const draft = await draftNeed();
    const ids = async (caller: Caller) =>
      (await (await h.t.request(`${base}/needs?limit=200`, { auth: auth[caller] as string })).json()).items.map(
        (n: { id: string }) => n.id,
      );
    expect(await ids('company')).toContain(draft.id);
    expect(await ids('regionAdmin')).toContain(draft.id);
    for (const caller of ['learner', 'otherCompany', 'schoolKey'] as Caller[])
      expect(await ids(caller)).not.toContain(draft.id);
  });
});

// Every assessments route × every kind of caller (docs/plugins/assessments.md, "Who may do
// what"): the allowed callers get a 2xx, everyone else 401 (anonymous), 403 (API keys where only
// people may act) or 404 (a bank, form or attempt that is not theirs: no existence oracle), and a
// refusal changes nothing in the plugin's tables.
import { resultRows } from '@lifelong/core';
import type { RequestOptions, TestPrincipals } from '@lifelong/core/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bankWithItems, type Harness, harness, openForm, sampleItems } from './test-support.js';

const CALLERS = [
  'anonymous',
  'owner',
  'taker',
  'guardian',
  'otherLearner',
  'teacher',
  'regionAdmin',
  'otherRegionAdmin',
  'institutionKey',
  'platformAdmin',
] as const;
type Caller = (typeof CALLERS)[number];
const PEOPLE: Caller[] = ['owner', 'taker', 'guardian', 'otherLearner', 'teacher', 'regionAdmin', 'otherRegionAdmin'];
const SIGNED_IN: Caller[] = [...PEOPLE, 'institutionKey', 'platformAdmin'];
/** Who authors the owner's bank: the owner, and assessments.author in the region. */
const AUTHORS: Caller[] = ['owner', 'teacher', 'regionAdmin', 'platformAdmin'];
const KEYS_ARE_NOT_PEOPLE = { institutionKey: 403, platformAdmin: 403 } as const;

let h: Harness;
let p: TestPrincipals;
const auth = {} as Record<Caller, string | undefined>;
let bankId: string;
let itemIds: string[];
let formId: string;
let draftFormId: string;

beforeAll(async () => {
  h = await harness();
  p = await h.t.principals();
  const teacher = await h.t.person({ roles: [{ role: 'teacher', scope: { type: 'region', id: 'default' } }] });
  Object.assign(auth, {
    anonymous: undefined,
    owner: p.learner.token,
    taker: p.minor.token,
    guardian: p.guardian.token,
    otherLearner: p.otherLearner.token,
    teacher: teacher.token,
    regionAdmin: p.regionAdmin.token,
    otherRegionAdmin: p.otherRegionAdmin.token,
    institutionKey: p.institution.key,
    platformAdmin: 'admin',
  } satisfies Record<Caller, string | undefined>);
  ({
    bank: { id: bankId },
    itemIds,
  } = await bankWithItems(h, p.learner.token));
  formId = (await openForm(h, p.learner.token, bankId, itemIds)).id;
  draftFormId = (
    await h.as(p.learner.token).banks.forms.create({
      bankId,
      body: { title: 'Draft', selection: { kind: 'fixed', itemIds }, timeLimitSeconds: 600, passPercent: 50 },
    })
  ).id;
});
afterAll(() => h.t.close());

/** A fresh attempt of the taker (a minor) at a fresh open form: each write case gets its own. */
async function takersAttempt() {
  const form = await openForm(h, p.learner.token, bankId, itemIds);
  return h.as(p.minor.token).forms.attempts.start({ formId: form.id });
}

/** Everything the plugin stores, as one digest: a refusal must leave it as it was. */
async function digest(): Promise<string> {
  const rows = resultRows<{ d: string }>(
    await h.t.platform.database.db.execute(sql`
      select md5(
        coalesce((select string_agg(b::text, ',' order by b.id) from assessments.banks b), '') ||
        coalesce((select string_agg(i::text, ',' order by i.id) from assessments.items i), '') ||
        coalesce((select string_agg(f::text, ',' order by f.id) from assessments.forms f), '') ||
        coalesce((select string_agg(a::text, ',' order by a.id) from assessments.attempts a), '')
      ) as d`),
  );
  return rows[0]?.d ?? '';
}

interface Case {
  name: string;
  allowed: Caller[];
  /** The refusal of callers who are not allowed, when it is not 401 (anonymous) / 404. */
  denied?: Partial<Record<Caller, number>>;
  /** Builds the request, with fresh data where the route changes something. */
  request: () => Promise<[string, RequestOptions]>;
}

const base = '/v1/assessments';
const item = () => sampleItems()[0];
const itemsDoc = () => ({ format: 'lifelong.assessments.items', version: 1, items: [item()] });
const formBody = () => ({
  title: 'M',
  selection: { kind: 'fixed', itemIds: [itemIds[0]] },
  timeLimitSeconds: 600,
  passPercent: 50,
});

const cases: Case[] = [
  {
    name: 'POST /banks',
    allowed: PEOPLE,
    denied: KEYS_ARE_NOT_PEOPLE,
    request: async () => [`${base}/banks`, { method: 'POST', json: { title: 'Mine' } }],
  },
  { name: 'GET /banks', allowed: SIGNED_IN, request: async () => [`${base}/banks`, {}] },
  { name: 'GET /banks/{bankId}', allowed: AUTHORS, request: async () => [`${base}/banks/${bankId}`, {}] },
  {
    name: 'POST /banks/{bankId}/items',
    allowed: AUTHORS,
    request: async () => [`${base}/banks/${bankId}/items`, { method: 'POST', json: item() }],
  },
  { name: 'GET /banks/{bankId}/items', allowed: AUTHORS, request: async () => [`${base}/banks/${bankId}/items`, {}] },
  {
    name: 'GET /banks/{bankId}/items/{itemId}',
    allowed: AUTHORS,
    request: async () => [`${base}/banks/${bankId}/items/${itemIds[0]}`, {}],
  },
  { name: 'GET /banks/{bankId}/export', allowed: AUTHORS, request: async () => [`${base}/banks/${bankId}/export`, {}] },
  {
    name: 'POST /banks/{bankId}/import',
    allowed: AUTHORS,
    request: async () => [`${base}/banks/${bankId}/import`, { method: 'POST', json: itemsDoc() }],
  },
  {
    name: 'POST /banks/{bankId}/forms',
    allowed: AUTHORS,
    request: async () => [`${base}/banks/${bankId}/forms`, { method: 'POST', json: formBody() }],
  },
  { name: 'GET /banks/{bankId}/forms', allowed: AUTHORS, request: async () => [`${base}/banks/${bankId}/forms`, {}] },
  { name: 'GET /forms', allowed: SIGNED_IN, request: async () => [`${base}/forms`, {}] },
  { name: 'GET /forms/{formId} (open)', allowed: SIGNED_IN, request: async () => [`${base}/forms/${formId}`, {}] },
  {
    name: 'GET /forms/{formId} (draft)',
    allowed: AUTHORS,
    request: async () => [`${base}/forms/${draftFormId}`, {}],
  },
  {
    name: 'PUT /forms/{formId}/status',
    allowed: AUTHORS,
    request: async () => [`${base}/forms/${draftFormId}/status`, { method: 'PUT', json: { status: 'closed' } }],
  },
  {
    name: 'POST /forms/{formId}/attempts',
    allowed: PEOPLE,
    denied: KEYS_ARE_NOT_PEOPLE,
    request: async () => {
      const form = await openForm(h, p.learner.token, bankId, itemIds);
      return [`${base}/forms/${form.id}/attempts`, { method: 'POST' }];
    },
  },
  {
    name: 'GET /attempts',
    allowed: PEOPLE,
    denied: KEYS_ARE_NOT_PEOPLE,
    request: async () => [`${base}/attempts`, {}],
  },
  {
    name: 'GET /attempts/{attemptId}',
    allowed: ['taker', 'regionAdmin', 'platformAdmin'],
    request: async () => [`${base}/attempts/${(await takersAttempt()).id}`, {}],
  },
  {
    name: 'PUT /attempts/{attemptId}/responses/{position}',
    allowed: ['taker'],
    denied: KEYS_ARE_NOT_PEOPLE,
    request: async () => [
      `${base}/attempts/${(await takersAttempt()).id}/responses/1`,
      { method: 'PUT', json: { optionIds: ['paris'] } },
    ],
  },
  {
    name: 'POST /attempts/{attemptId}/submission',
    allowed: ['taker'],
    denied: KEYS_ARE_NOT_PEOPLE,
    request: async () => [`${base}/attempts/${(await takersAttempt()).id}/submission`, { method: 'POST' }],
  },
  {
    name: 'GET /forms/{formId}/attempts',
    allowed: AUTHORS,
    request: async () => [`${base}/forms/${formId}/attempts`, {}],
  },
];

describe('the assessments authorization matrix', () => {
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

  it('lists show only what the caller may see', async () => {
    const banksOf = async (caller: Caller) =>
      (await (await h.t.request(`${base}/banks`, { auth: auth[caller] as string })).json()).items.map(
        (b: { id: string }) => b.id,
      );
    for (const caller of AUTHORS) expect(await banksOf(caller)).toContain(bankId);
    for (const caller of ['taker', 'otherLearner', 'otherRegionAdmin', 'institutionKey'] as Caller[]) {
      expect(await banksOf(caller)).not.toContain(bankId);
    }
    const mine = await h.as(p.minor.token).attempts.list({});
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((a) => a.personId === p.minor.id)).toBe(true);
    expect((await h.as(p.guardian.token).attempts.list({})).items.every((a) => a.personId === p.guardian.id)).toBe(
      true,
    );
  });
});

// Every community route × every kind of caller (docs/plugins/community.md, "Who may do what"):
// the allowed callers get a 2xx; everyone else 401 (anonymous), 403 (API keys where only people
// act, trust levels too low, not a moderator, self-dealing) or 404 (not theirs: no existence
// oracle); and a refusal changes nothing in the plugin's tables.
import { resultRows } from '@lifelong/core';
import type { RequestOptions, TestPerson, TestPrincipals } from '@lifelong/core/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fund, type Harness, harness, moderator, ok, personAt } from './test-support.js';

const CALLERS = [
  'anonymous',
  'author',
  'reader',
  'tl0',
  'tl1',
  'tl2',
  'tl3',
  'tl4',
  'moderator',
  'regionAdmin',
  'otherRegionAdmin',
  'institutionKey',
  'platformAdmin',
] as const;
type Caller = (typeof CALLERS)[number];
const PEOPLE: Caller[] = CALLERS.filter((c) => !['anonymous', 'institutionKey', 'platformAdmin'].includes(c));
const EVERYONE: Caller[] = [...CALLERS];
const MODERATORS: Caller[] = ['moderator', 'regionAdmin'];
const KEYS_ARE_NOT_PEOPLE = { institutionKey: 403, platformAdmin: 403 } as const;
const only = (allowed: Caller[], status: number): Partial<Record<Caller, number>> =>
  Object.fromEntries(CALLERS.filter((c) => c !== 'anonymous' && !allowed.includes(c)).map((c) => [c, status]));

let h: Harness;
let p: TestPrincipals;
const auth = {} as Record<Caller, string | undefined>;
const person = {} as Record<Caller, TestPerson>;
let secondModerator: TestPerson;
let subject: TestPerson;
const PDF = new TextEncoder().encode('%PDF-1.7 matrix');

beforeAll(async () => {
  // Fixtures write many posts a day: the daily limits are raised (they have their own tests).
  const many = [1000, 1000, 1000, 1000, 1000];
  h = await harness({ regionConfig: { postsPerDay: many, filesPerDay: many } });
  p = await h.t.principals();
  Object.assign(person, {
    author: await personAt(h, 2),
    reader: await personAt(h, 1),
    tl0: await h.t.person({ verified: true }),
    tl1: await personAt(h, 1),
    tl2: await personAt(h, 2),
    tl3: await personAt(h, 3),
    tl4: await personAt(h, 4),
    moderator: await moderator(h),
    regionAdmin: p.regionAdmin,
    otherRegionAdmin: p.otherRegionAdmin,
  });
  secondModerator = await moderator(h);
  subject = await h.t.person({ verified: true });
  for (const c of PEOPLE) {
    auth[c] = person[c].token;
    await fund(h, person[c], c === 'author' ? 100_000 : 1000);
  }
  Object.assign(auth, { anonymous: undefined, institutionKey: p.institution.key, platformAdmin: 'admin' });
});
afterAll(() => h.t.close());

const TABLES = [
  'members',
  'posts',
  'post_reads',
  'flags',
  'actions',
  'appeals',
  'appeal_messages',
  'suspensions',
  'needs',
  'offers',
];

/** Everything the plugin stores, as one digest: a refusal must leave it as it was. */
async function digest(): Promise<string> {
  const parts = TABLES.map(
    (t) => `coalesce((select string_agg(x::text, ',' order by x::text) from community.${t} x), '')`,
  );
  const rows = resultRows<{ d: string }>(
    await h.t.platform.database.db.execute(sql.raw(`select md5(${parts.join(' || ')}) as d`)),
  );
  return rows[0]?.d ?? '';
}

const base = '/v1/community';
const post = async (status: 'published' | 'pending' | 'removed' | 'withFile' = 'published') => {
  const by = status === 'pending' ? person.tl0 : person.author;
  const created = await ok(
    await h.call('POST', '/posts', {
      auth: by.token,
      json: { kind: 'resource', title: `Post ${crypto.randomUUID()}`, body: `Body ${crypto.randomUUID()}` },
    }),
    201,
  );
  if (status === 'withFile') {
    await ok(
      await h.t.request(`${base}/posts/${created.id}/file`, {
        method: 'PUT',
        auth: by.token,
        headers: { 'Content-Type': 'application/pdf' },
        body: PDF,
      }),
    );
  }
  if (status === 'removed') {
    await ok(
      await h.call('POST', `/moderation/posts/${created.id}/decision`, {
        auth: secondModerator.token,
        json: { action: 'remove', reason: 'fixture' },
      }),
    );
  }
  return created.id as string;
};
const appeal = async () => {
  const postId = await post('removed');
  const created = await ok(
    await h.call('POST', `/posts/${postId}/appeals`, {
      auth: person.author.token,
      json: { message: 'Please look again' },
    }),
    201,
  );
  return created.id as string;
};
const need = async () =>
  (
    await ok(
      await h.call('POST', '/needs', {
        auth: person.author.token,
        json: { title: 'Need', description: 'Help', stage: 'university', bountyPoints: 10 },
      }),
      201,
    )
  ).id as string;
const needWithOffer = async () => {
  const needId = await need();
  const offer = await ok(
    await h.call('POST', `/needs/${needId}/offers`, { auth: person.reader.token, json: { message: 'I can help' } }),
    201,
  );
  return { needId, offerId: offer.id as string };
};

interface Case {
  name: string;
  allowed: Caller[];
  /** The refusal of callers who are not allowed, when it is not 401 (anonymous) / 404. */
  denied?: Partial<Record<Caller, number>>;
  request: () => Promise<[string, RequestOptions]>;
}

const json = (method: string, body: unknown): RequestOptions => ({ method, json: body });
const FLAGGERS: Caller[] = ['reader', 'tl1', 'tl2', 'tl3', 'tl4', 'moderator'];

const cases: Case[] = [
  {
    name: 'POST /posts',
    allowed: PEOPLE,
    denied: KEYS_ARE_NOT_PEOPLE,
    request: async () => [
      `${base}/posts`,
      json('POST', { kind: 'article', title: 'Mine', body: `${crypto.randomUUID()}` }),
    ],
  },
  { name: 'GET /posts', allowed: EVERYONE, request: async () => [`${base}/posts`, {}] },
  {
    name: 'GET /posts/{postId} (published)',
    allowed: EVERYONE,
    request: async () => [`${base}/posts/${await post()}`, {}],
  },
  {
    name: 'GET /posts/{postId} (pending)',
    allowed: ['tl0', ...MODERATORS],
    denied: { anonymous: 404 },
    request: async () => [`${base}/posts/${await post('pending')}`, {}],
  },
  {
    name: 'PUT /posts/{postId}/file',
    allowed: ['author'],
    denied: KEYS_ARE_NOT_PEOPLE,
    request: async () => [
      `${base}/posts/${await post()}/file`,
      { method: 'PUT', headers: { 'Content-Type': 'application/pdf' }, body: PDF },
    ],
  },
  {
    name: 'GET /posts/{postId}/file',
    allowed: EVERYONE,
    request: async () => [`${base}/posts/${await post('withFile')}/file`, {}],
  },
  {
    name: 'POST /posts/{postId}/flags',
    allowed: FLAGGERS,
    // Below trust level 1 (tl0, and admins who never took part) 403; the author 403 (their own).
    denied: { ...only(FLAGGERS, 403) },
    request: async () => [`${base}/posts/${await post()}/flags`, json('POST', { reason: 'spam' })],
  },
  {
    name: 'POST /posts/{postId}/appeals',
    allowed: ['author'],
    denied: KEYS_ARE_NOT_PEOPLE,
    request: async () => [`${base}/posts/${await post('removed')}/appeals`, json('POST', { message: 'Why?' })],
  },
  { name: 'GET /me', allowed: PEOPLE, denied: KEYS_ARE_NOT_PEOPLE, request: async () => [`${base}/me`, {}] },
  {
    name: 'PUT /members/{personId}/trust-level',
    allowed: MODERATORS,
    denied: only(MODERATORS, 403),
    request: async () => [`${base}/members/${subject.id}/trust-level`, json('PUT', { level: 2, reason: 'matrix' })],
  },
  {
    name: 'PUT /moderators/{personId}',
    allowed: ['regionAdmin', 'platformAdmin'],
    denied: only(['regionAdmin', 'platformAdmin'], 403),
    request: async () => [`${base}/moderators/${subject.id}`, json('PUT', { moderator: false, reason: 'matrix' })],
  },
  {
    name: 'GET /moderation/queue',
    allowed: MODERATORS,
    denied: only(MODERATORS, 403),
    request: async () => [`${base}/moderation/queue`, {}],
  },
  {
    name: 'POST /moderation/posts/{postId}/decision',
    allowed: MODERATORS,
    denied: only(MODERATORS, 403),
    request: async () => [
      `${base}/moderation/posts/${await post()}/decision`,
      json('POST', { action: 'hide', reason: 'matrix' }),
    ],
  },
  {
    name: 'POST /moderation/people/{personId}/warnings',
    allowed: MODERATORS,
    denied: only(MODERATORS, 403),
    request: async () => [`${base}/moderation/people/${subject.id}/warnings`, json('POST', { reason: 'matrix' })],
  },
  {
    name: 'POST /moderation/people/{personId}/suspensions',
    allowed: MODERATORS,
    denied: only(MODERATORS, 403),
    request: async () => [
      `${base}/moderation/people/${subject.id}/suspensions`,
      json('POST', { reason: 'matrix', days: 1 }),
    ],
  },
  {
    name: 'POST /moderation/suspensions/{suspensionId}/confirmation',
    allowed: MODERATORS,
    denied: only(MODERATORS, 403),
    request: async () => {
      const proposed = await ok(
        await h.call('POST', `/moderation/people/${subject.id}/suspensions`, {
          auth: secondModerator.token,
          json: { reason: 'matrix', days: 1 },
        }),
        201,
      );
      return [`${base}/moderation/suspensions/${proposed.id}/confirmation`, { method: 'POST' }];
    },
  },
  {
    name: 'GET /moderation/actions',
    allowed: MODERATORS,
    denied: only(MODERATORS, 403),
    request: async () => [`${base}/moderation/actions`, {}],
  },
  {
    name: 'GET /appeals/{appealId}',
    allowed: ['author', ...MODERATORS],
    request: async () => [`${base}/appeals/${await appeal()}`, {}],
  },
  {
    name: 'POST /appeals/{appealId}/messages',
    allowed: ['author', ...MODERATORS],
    denied: KEYS_ARE_NOT_PEOPLE,
    request: async () => [`${base}/appeals/${await appeal()}/messages`, json('POST', { body: 'More context' })],
  },
  {
    name: 'POST /appeals/{appealId}/decision',
    allowed: MODERATORS,
    denied: only(MODERATORS, 403),
    request: async () => [
      `${base}/appeals/${await appeal()}/decision`,
      json('POST', { outcome: 'upheld', reason: 'matrix' }),
    ],
  },
  {
    name: 'POST /needs',
    allowed: PEOPLE,
    denied: KEYS_ARE_NOT_PEOPLE,
    request: async () => [
      `${base}/needs`,
      json('POST', { title: 'Need', description: 'Help', stage: 'university', bountyPoints: 10 }),
    ],
  },
  { name: 'GET /needs', allowed: EVERYONE, request: async () => [`${base}/needs`, {}] },
  { name: 'GET /needs/{needId}', allowed: EVERYONE, request: async () => [`${base}/needs/${await need()}`, {}] },
  {
    name: 'POST /needs/{needId}/offers',
    allowed: PEOPLE.filter((c) => c !== 'author'),
    denied: { ...KEYS_ARE_NOT_PEOPLE, author: 403 },
    request: async () => [`${base}/needs/${await need()}/offers`, json('POST', { message: 'I can help' })],
  },
  {
    name: 'GET /needs/{needId}/offers',
    allowed: PEOPLE,
    denied: KEYS_ARE_NOT_PEOPLE,
    request: async () => [`${base}/needs/${await need()}/offers`, {}],
  },
  {
    name: 'POST /needs/{needId}/offers/{offerId}/accept',
    allowed: ['author'],
    denied: KEYS_ARE_NOT_PEOPLE,
    request: async () => {
      const { needId, offerId } = await needWithOffer();
      return [`${base}/needs/${needId}/offers/${offerId}/accept`, { method: 'POST' }];
    },
  },
  {
    name: 'POST /needs/{needId}/withdrawal',
    allowed: ['author'],
    denied: KEYS_ARE_NOT_PEOPLE,
    request: async () => [`${base}/needs/${await need()}/withdrawal`, { method: 'POST' }],
  },
];

describe('the community authorization matrix', () => {
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
        const res = await h.t.request(path, { ...init, ...(auth[caller] ? { auth: auth[caller] } : {}) });
        got[caller] = res.status < 300 ? 200 : res.status;
        want[caller] = c.allowed.includes(caller) ? 200 : (c.denied?.[caller] ?? (caller === 'anonymous' ? 401 : 404));
        if (res.status >= 300) {
          expect(res.headers.get('content-type')).toBe('application/problem+json');
          expect(await digest(), `${caller} changed something`).toBe(before);
        }
      }
      expect(got).toEqual(want);
    });
  }
});

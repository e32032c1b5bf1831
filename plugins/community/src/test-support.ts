// Shared by the plugin's tests (not part of the package's entry points): a platform with the
// credit bank and a movable clock, and shortcuts: people at a trust level, funded wallets.
import type { DatabaseHandle } from '@lifelong/core';
import { createTestPlatform, type TestPerson, type TestPlatform, type TestResponse } from '@lifelong/core/testing';
import creditBank from '@lifelong/plugin-credit-bank';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import community from './index.js';

export interface Harness {
  t: TestPlatform;
  clock: { now: Date };
  call(
    method: string,
    path: string,
    options?: { auth?: string | undefined; json?: unknown; region?: string; headers?: Record<string, string> },
  ): Promise<TestResponse>;
  tick(seconds: number): void;
}

export const START = new Date('2026-06-01T08:00:00Z');

export async function harness(
  options: { regionConfig?: Record<string, unknown>; database?: DatabaseHandle; clock?: { now: Date } } = {},
): Promise<Harness> {
  const clock = options.clock ?? { now: new Date(START) };
  const t = await createTestPlatform({
    plugins: [community, creditBank],
    regions: [
      {
        id: 'default',
        name: 'Default',
        plugins: options.regionConfig ? { community: { config: options.regionConfig } } : {},
      },
      { id: 'elsewhere', name: 'Elsewhere', plugins: {} },
    ],
    now: () => clock.now,
    // Tests move the clock by days; sessions outlive them.
    settings: { sessionTtlSeconds: 7 * 86_400 },
    ...(options.database ? { database: options.database } : {}),
  });
  const call: Harness['call'] = (method, path, { auth, json, region = 'default', headers = {} } = {}) =>
    t.request(`/v1/community${path}`, {
      method,
      headers: { 'Lifelong-Region': region, ...headers },
      ...(auth ? { auth } : {}),
      ...(json !== undefined ? { json } : {}),
    });
  return {
    t,
    clock,
    call,
    tick: (seconds) => {
      clock.now = new Date(clock.now.getTime() + seconds * 1000);
    },
  };
}

export async function expectProblem(res: TestResponse, status: number, code?: string) {
  const text = await res.clone().text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const body = await res.json();
  if (code) expect(body.code).toBe(code);
  return body;
}

export async function ok(res: TestResponse, status = 200) {
  const text = await res.clone().text();
  expect(res.status, text).toBe(status);
  return res.json();
}

/** Locks the person's trust level (as the region admin, a moderator). */
export async function setLevel(h: Harness, person: TestPerson, level: number | null) {
  const { regionAdmin } = await h.t.principals();
  await ok(
    await h.call('PUT', `/members/${person.id}/trust-level`, {
      auth: regionAdmin.token,
      json: { level, reason: 'test fixture' },
    }),
  );
}

/** A fresh person at a locked trust level. */
export async function personAt(h: Harness, level: number): Promise<TestPerson> {
  const person = await h.t.person({ verified: true });
  await setLevel(h, person, level);
  return person;
}

/** A fresh appointed moderator (not a region admin), at trust level 2. */
export async function moderator(h: Harness): Promise<TestPerson> {
  const person = await personAt(h, 2);
  const { regionAdmin } = await h.t.principals();
  await ok(
    await h.call('PUT', `/moderators/${person.id}`, {
      auth: regionAdmin.token,
      json: { moderator: true, reason: 'appointed for tests' },
    }),
  );
  return person;
}

/** A published post by the person (who must be trusted enough to skip pre-moderation). */
export async function publishedPost(h: Harness, author: TestPerson, text = `A note ${crypto.randomUUID()}`) {
  const post = await ok(
    await h.call('POST', '/posts', {
      auth: author.token,
      json: { kind: 'article', title: text.slice(0, 60), body: `${text} — written for the test.` },
    }),
    201,
  );
  expect(post.status).toBe('published');
  return post;
}

/** The person's POINT wallet (through the credit bank): account id and balances. */
export async function wallet(h: Harness, person: TestPerson) {
  const res = await h.t.request('/v1/credit-bank/wallet', { auth: person.token });
  expect(res.status).toBe(200);
  const { points } = await res.json();
  return points as { accountId: string; balance: string; held: string; available: string };
}

/** Mints points into the person's wallet (as the platform admin). */
export async function fund(h: Harness, person: TestPerson, amount: number) {
  const { accountId } = await wallet(h, person);
  const rows = await h.t.platform.database.db.execute(
    sql`select issuance_account_id as id from core.ledger_assets where code = 'POINT'`,
  );
  const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { id: string }[];
  const res = await h.t.request('/v1/ledger/transfers', {
    method: 'POST',
    auth: 'admin',
    json: {
      transfers: [
        {
          id: crypto.randomUUID(),
          debitAccountId: list[0]?.id,
          creditAccountId: accountId,
          amount: String(amount),
          code: 9001,
        },
      ],
    },
  });
  expect(res.status).toBe(200);
  expect((await res.json()).results[0].status).toBe('created');
}

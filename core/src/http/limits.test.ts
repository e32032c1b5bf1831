import { Type } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultRows } from '../db/database.js';
import { requestTransaction } from '../db/request-transaction.js';
import { createTestPlatform, type TestPlatform } from '../testing/index.js';
import { PROBLEM_CONTENT_TYPE } from './problem.js';
import { TokenBuckets } from './rate-limit.js';
import { defineRoute, type RouteGroup } from './route.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let t: TestPlatform;

// Test-only routes: one write that commits at once, one that writes and then outlasts the deadline.
const probeRoutes: RouteGroup = {
  prefix: '/v1/probe',
  tag: 'Probe',
  routes: [
    defineRoute({
      method: 'post',
      path: '/rows',
      summary: 'Insert a row (slowly when asked)',
      access: { public: true },
      request: {
        body: Type.Object(
          { id: Type.String({ maxLength: 40 }), delayMs: Type.Integer({ minimum: 0, maximum: 5000 }) },
          { additionalProperties: false },
        ),
      },
      responses: { 201: { description: 'Inserted' } },
      handler: async ({ body }) => {
        await requestTransaction(t.platform.database.db, async (tx) => {
          await tx.execute(sql`insert into probe_rows (id) values (${body.id})`);
          await sleep(body.delayMs);
        });
        return { status: 201, body: undefined };
      },
    }),
  ],
};

beforeAll(async () => {
  t = await createTestPlatform({
    routes: [probeRoutes],
    settings: {
      // Long enough for sign-ins (scrypt) on a loaded machine, short enough for a test.
      requestTimeoutMs: 1500,
      rateLimitWritesPerMinute: 60,
      rateLimitWritesBurst: 3,
      rateLimitSignInsPerMinute: 60,
      rateLimitSignInBurst: 5,
    },
  });
  await t.platform.database.db.execute(sql`create table probe_rows (id text primary key)`);
});
afterAll(() => t.close());

async function rowExists(id: string): Promise<boolean> {
  const rows = resultRows(await t.platform.database.db.execute(sql`select 1 from probe_rows where id = ${id}`));
  return rows.length > 0;
}

async function expectProblem(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
  const body = (await res.json()) as { detail?: string };
  expect(body).toMatchObject({ status, code, type: expect.any(String), title: expect.any(String) });
  return body;
}

describe('rate limits', () => {
  it('limits writes per principal with 429, Retry-After and problem+json; others are unaffected', async () => {
    const a = await t.person();
    const b = await t.person();
    // A write rejected by validation still counts: the limit is checked before anything else.
    const post = (token: string) =>
      t.request('/v1/groups', { method: 'POST', auth: token, json: { bad: true } }) as unknown as Promise<Response>;
    for (let i = 0; i < 3; i++) expect((await post(a.token)).status).toBe(400);
    const limited = await post(a.token);
    await expectProblem(limited, 429, 'RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Another person has their own bucket; reads are not limited.
    expect((await post(b.token)).status).toBe(400);
    expect((await t.request('/v1/me', { auth: a.token })).status).toBe(200);
  });

  it('does not limit the platform admin key', async () => {
    for (let i = 0; i < 8; i++) {
      const res = await t.request('/v1/regions', { method: 'POST', auth: 'admin', json: {} });
      expect(res.status).toBe(400);
    }
  });

  it('limits sign-in attempts per client address', async () => {
    // In-process requests have no socket: every attempt comes from the same (unknown) address.
    const attempt = () =>
      t.request('/v1/sessions', { method: 'POST', json: { learnerNumber: 'nobody', password: 'x' } });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await attempt()).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    const res = (await attempt()) as unknown as Response;
    const body = await expectProblem(res, 429, 'RATE_LIMITED');
    expect(body.detail).toContain('sign-in');
    expect(res.headers.get('retry-after')).toMatch(/^[1-9][0-9]*$/);
  });
});

describe('token buckets', () => {
  it('refill at the per-minute rate up to the burst', () => {
    let now = 0;
    const buckets = new TokenBuckets({ perMinute: 60, burst: 2 }, () => now);
    expect(buckets.take('k')).toBe(0);
    expect(buckets.take('k')).toBe(0);
    expect(buckets.take('k')).toBe(1);
    now += 1000;
    expect(buckets.take('k')).toBe(0);
    expect(buckets.take('k')).toBe(1);
    now += 60_000;
    expect(buckets.take('k')).toBe(0);
    expect(buckets.take('k')).toBe(0);
    expect(buckets.take('k')).toBe(1);
    expect(buckets.take('other')).toBe(0);
  });

  it('never limits when disabled', () => {
    const buckets = new TokenBuckets({ perMinute: 0, burst: 1 });
    for (let i = 0; i < 100; i++) expect(buckets.take('k')).toBe(0);
  });
});

describe('request timeout', () => {
  it('answers 503 with Retry-After and rolls the slow transaction back', async () => {
    const started = Date.now();
    const res = (await t.request('/v1/probe/rows', {
      method: 'POST',
      auth: 'admin',
      json: { id: 'slow', delayMs: 3000 },
    })) as unknown as Response;
    expect(Date.now() - started).toBeLessThan(2900);
    await expectProblem(res, 503, 'REQUEST_TIMED_OUT');
    expect(res.headers.get('retry-after')).toBe('5');
    // Let the handler finish its transaction: it must roll back, not commit.
    await sleep(3200);
    expect(await rowExists('slow')).toBe(false);
  });

  it('lets a request within the deadline commit', async () => {
    const res = await t.request('/v1/probe/rows', { method: 'POST', auth: 'admin', json: { id: 'fast', delayMs: 0 } });
    expect(res.status).toBe(201);
    expect(await rowExists('fast')).toBe(true);
  });
});

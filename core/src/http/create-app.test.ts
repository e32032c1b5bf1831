import { Type } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineError } from '../errors/lifelong-error.js';
import { createTestPlatform, type TestPlatform } from '../testing/index.js';
import { PROBLEM_CONTENT_TYPE } from './problem.js';
import { defineRoute, type RouteGroup } from './route.js';

const Teapot = defineError('TEST_TEAPOT', 418, 'I am a teapot');

const Item = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 20 }),
    count: Type.Integer({ minimum: 0 }),
    tags: Type.Optional(Type.Array(Type.String(), { maxItems: 3 })),
  },
  { additionalProperties: false },
);

// A route group exercising every part of the route contract.
const testRoutes: RouteGroup = {
  prefix: '/v1/test',
  tag: 'Test',
  routes: [
    defineRoute({
      method: 'post',
      path: '/items/{shelf}',
      summary: 'Create an item on a shelf',
      access: { public: true },
      request: {
        params: Type.Object({ shelf: Type.Integer({ minimum: 1 }) }),
        query: Type.Object({ dryRun: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        body: Item,
      },
      responses: {
        201: {
          description: 'Created',
          schema: Type.Object({ shelf: Type.Integer(), item: Item, dryRun: Type.Boolean() }),
        },
      },
      handler: ({ params, query, body }) => ({
        status: 201,
        body: { shelf: params.shelf, item: body, dryRun: query.dryRun ?? false },
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/secret',
      summary: 'Needs a permission',
      access: { permission: 'test.read' },
      responses: { 200: { description: 'The secret', schema: Type.Object({ ok: Type.Boolean() }) } },
      handler: () => ({ status: 200, body: { ok: true } }),
    }),
    defineRoute({
      method: 'get',
      path: '/teapot',
      summary: 'Throws a domain error',
      access: { public: true },
      responses: { 418: { description: 'Never brews coffee' } },
      handler: () => {
        throw Teapot({ detail: 'Short and stout.', extensions: { brew: 'tea' } });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/crash',
      summary: 'Throws an unexpected error',
      access: { public: true },
      responses: { 200: { description: 'Never' } },
      handler: () => {
        throw new Error('database password is hunter2');
      },
    }),
  ],
};

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform({ routes: [testRoutes], settings: { bodyLimitBytes: 2048 } });
});
afterAll(() => t.close());

async function problem(res: Response) {
  expect(res.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
  return (await res.json()) as Record<string, unknown> & { errors?: { path: string; rule: string }[] };
}

describe('problem+json for every error', () => {
  it('answers an unknown route with 404', async () => {
    const res = await t.request('/v1/nowhere');
    expect(res.status).toBe(404);
    expect(await problem(res)).toMatchObject({
      type: 'urn:lifelong:problem:not-found',
      title: 'Not found',
      status: 404,
      code: 'NOT_FOUND',
      instance: '/v1/nowhere',
    });
  });

  it('answers a known path with the wrong method with 405 and Allow', async () => {
    const res = await t.request('/v1/test/secret', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect(await problem(res)).toMatchObject({ code: 'METHOD_NOT_ALLOWED', status: 405 });
  });

  it('answers U+0000 in a query or path parameter with 400, not a database error', async () => {
    // Found by the reliability fuzzer: PostgreSQL text cannot hold NUL, so the query used to fail with 500.
    const query = await t.request('/v1/audit?action=a%00b', { auth: 'admin' });
    expect(query.status).toBe(400);
    expect((await problem(query)).errors).toEqual([
      { path: '/query/action', rule: 'noNulCharacter', message: 'Must not contain U+0000' },
    ]);
    const repeated = await t.request('/v1/audit?action=ok&action=%00', { auth: 'admin' });
    expect(repeated.status).toBe(400);
    const path = await t.request('/v1/people/%00', { auth: 'admin' });
    expect(path.status).toBe(400);
    expect((await problem(path)).errors?.[0]).toMatchObject({ path: '/params/learnerNumber', rule: 'noNulCharacter' });
  });

  it('answers a body nested deeper than the limit with 400, not a stack overflow', async () => {
    // Found by the reliability fuzzer: 30,000 nested arrays overflowed the body walk into a 500.
    // The body limit here is 2 KiB; a deep body under the platform's default limit behaves the same.
    const deep = `{"name":"pen","count":1,"tags":${'['.repeat(1000)}${']'.repeat(1000)}}`;
    const res = await t.request('/v1/test/items/1', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: deep,
    });
    expect(res.status).toBe(400);
    expect((await problem(res)).errors).toEqual([
      { path: '/body', rule: 'maxDepth', message: 'Must not nest deeper than 64 levels' },
    ]);
    // Brackets inside strings do not count.
    const brackets = await t.request('/v1/test/items/1', { method: 'POST', json: { name: '[[[[{{{{', count: 1 } });
    expect(brackets.status).toBe(201);
  });

  it('answers an unpaired UTF-16 surrogate with 400 instead of storing U+FFFD', async () => {
    const res = await t.request('/v1/test/items/1', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"name":"pen\\ud800","count":1}',
    });
    expect(res.status).toBe(400);
    expect((await problem(res)).errors).toEqual([
      { path: '/body/name', rule: 'wellFormedUnicode', message: 'Must not contain unpaired UTF-16 surrogates' },
    ]);
    // Upper-case escapes, and in a key: found all the same.
    const inKey = await t.request('/v1/test/items/1', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"name":"pen","count":1,"x\\uDFFF":1}',
    });
    expect(inKey.status).toBe(400);
    expect((await problem(inKey)).errors?.[0]).toMatchObject({ rule: 'wellFormedUnicode' });
    // A proper surrogate pair (an emoji) is fine.
    const ok = await t.request('/v1/test/items/1', { method: 'POST', json: { name: 'pen 😀', count: 1 } });
    expect(ok.status).toBe(201);
  });

  it('answers malformed JSON with 400', async () => {
    const res = await t.request('/v1/test/items/1', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"name": "pen",',
    });
    expect(res.status).toBe(400);
    expect(await problem(res)).toMatchObject({ code: 'MALFORMED_JSON' });
  });

  it('answers a non-JSON body with 415', async () => {
    const res = await t.request('/v1/test/items/1', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: 'name=pen',
    });
    expect(res.status).toBe(415);
    expect(await problem(res)).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('answers an oversize body with 413', async () => {
    const res = await t.request('/v1/test/items/1', { method: 'POST', json: { name: 'x'.repeat(4096), count: 1 } });
    expect(res.status).toBe(413);
    expect(await problem(res)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('turns a domain error into its status, code and extensions', async () => {
    const res = await t.request('/v1/test/teapot');
    expect(res.status).toBe(418);
    expect(await problem(res)).toMatchObject({
      type: 'urn:lifelong:problem:test-teapot',
      code: 'TEST_TEAPOT',
      title: 'I am a teapot',
      detail: 'Short and stout.',
      brew: 'tea',
    });
  });

  it('hides an unexpected error behind a bare 500 and logs it with the request id', async () => {
    const res = await t.request('/v1/test/crash');
    expect(res.status).toBe(500);
    const body = await problem(res);
    expect(body).toMatchObject({ code: 'INTERNAL_ERROR', title: 'Internal server error' });
    const text = JSON.stringify(body);
    expect(text).not.toContain('hunter2');
    expect(text).not.toMatch(/at .*\.ts:\d+/);
    const logged = t.logs().find((line) => line.msg === 'request failed' && line.requestId === body.requestId);
    expect(logged).toBeDefined();
  });

  it('gives every response a request id that the problem repeats', async () => {
    const res = await t.request('/v1/nowhere', { headers: { 'X-Request-Id': 'trace-abc-123' } });
    expect(res.headers.get('x-request-id')).toBe('trace-abc-123');
    expect((await problem(res)).requestId).toBe('trace-abc-123');
  });
});

describe('request validation', () => {
  it('passes valid, converted input to the handler', async () => {
    const res = await t.request('/v1/test/items/7?dryRun=true', { method: 'POST', json: { name: 'pen', count: 2 } });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ shelf: 7, item: { name: 'pen', count: 2 }, dryRun: true });
  });

  it('reports every invalid field with its path and rule, in one response', async () => {
    const res = await t.request('/v1/test/items/0?dryRun=maybe', {
      method: 'POST',
      json: { name: '', count: -1, tags: ['a', 'b', 'c', 'd'], colour: 'red' },
    });
    expect(res.status).toBe(400);
    const body = await problem(res);
    expect(body.code).toBe('VALIDATION_FAILED');
    const byPath = Object.fromEntries((body.errors ?? []).map((e) => [e.path, e.rule]));
    expect(byPath).toMatchObject({
      '/params/shelf': 'integerMinimum',
      '/query/dryRun': 'boolean',
      '/body/name': 'stringMinLength',
      '/body/count': 'integerMinimum',
      '/body/tags': 'arrayMaxItems',
      '/body/colour': 'additionalProperties',
    });
  });

  it('reports a missing required field and a wrong type', async () => {
    const res = await t.request('/v1/test/items/1', { method: 'POST', json: { count: 'two' } });
    const body = await problem(res);
    expect(body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: '/body/name', rule: 'required' }),
        expect.objectContaining({ path: '/body/count', rule: 'integer' }),
      ]),
    );
  });

  it('treats an empty body as missing', async () => {
    const res = await t.request('/v1/test/items/1', { method: 'POST' });
    expect(res.status).toBe(400);
    expect((await problem(res)).errors?.[0]).toMatchObject({ path: '/body', rule: 'object' });
  });
});

describe('access control', () => {
  it('answers 401 with WWW-Authenticate when a protected route is called anonymously', async () => {
    const res = await t.request('/v1/test/secret');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(await problem(res)).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('answers 401 for an unknown or malformed bearer token, even on a public route', async () => {
    for (const authorization of ['Bearer llk_not-a-real-key', 'Basic dXNlcjpwdw==', 'Bearer']) {
      const res = await t.request('/health/live', { headers: { Authorization: authorization } });
      expect(res.status, authorization).toBe(401);
      expect(await problem(res)).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });

  it('lets the platform admin key through', async () => {
    const res = await t.request('/v1/test/secret', { auth: 'admin' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('never logs the bearer token', async () => {
    await t.request('/v1/test/secret', { auth: 'admin' });
    expect(t.rawLogs()).not.toContain(t.adminKey);
  });
});

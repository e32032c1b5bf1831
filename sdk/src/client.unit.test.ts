import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createClient,
  createSessionStore,
  LifelongError,
  LifelongNetworkError,
  LifelongTimeoutError,
} from './index.js';

const BASE = 'http://api.test';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const fast = { max: 2, baseDelayMs: 1, maxDelayMs: 20 };
const problem = (status: number, code: string, extra: object = {}) =>
  HttpResponse.json(
    { type: `urn:lifelong:problem:${code.toLowerCase()}`, title: 'Nope', status, code, ...extra },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );
const group = {
  id: 'g1',
  type: 'family',
  name: 'F',
  regionId: 'default',
  createdAt: '',
  memberCount: 1,
  myRole: 'parent',
};

describe('errors', () => {
  it('turns a problem+json answer into a LifelongError with its fields', async () => {
    server.use(
      http.post(`${BASE}/v1/groups`, () =>
        problem(400, 'VALIDATION_FAILED', {
          errors: [{ path: '/body/name', rule: 'minLength', message: 'Too short' }],
        }),
      ),
    );
    const error = await createClient({ baseUrl: BASE })
      .groups.create({ body: { type: 'family', name: 'x' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LifelongError);
    expect(error).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      type: 'urn:lifelong:problem:validation_failed',
      errors: [{ path: '/body/name', rule: 'minLength', message: 'Too short' }],
    });
  });

  it('makes a problem of a non-JSON error page', async () => {
    server.use(http.get(`${BASE}/v1/groups/g1`, () => new HttpResponse('<html>', { status: 418 })));
    await expect(createClient({ baseUrl: BASE, retries: 0 }).groups.get({ groupId: 'g1' })).rejects.toMatchObject({
      status: 418,
      code: 'UNKNOWN',
    });
  });

  it('reports network errors as LifelongNetworkError', async () => {
    server.use(http.get(`${BASE}/v1/groups/g1`, () => HttpResponse.error()));
    await expect(createClient({ baseUrl: BASE, retries: 0 }).groups.get({ groupId: 'g1' })).rejects.toBeInstanceOf(
      LifelongNetworkError,
    );
  });
});

describe('retries', () => {
  it('retries a creating POST on 503 with the same Idempotency-Key, honouring Retry-After', async () => {
    const keys: (string | null)[] = [];
    server.use(
      http.post(`${BASE}/v1/groups`, ({ request }) => {
        keys.push(request.headers.get('Idempotency-Key'));
        return keys.length < 3
          ? new HttpResponse(null, { status: 503, headers: { 'Retry-After': '0' } })
          : HttpResponse.json(group, { status: 201 });
      }),
    );
    const created = await createClient({ baseUrl: BASE, retries: fast }).groups.create({
      body: { type: 'family', name: 'F' },
    });
    expect(created.id).toBe('g1');
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(keys).size).toBe(1);
  });

  it('retries GETs on network errors', async () => {
    let calls = 0;
    server.use(http.get(`${BASE}/v1/groups/g1`, () => (++calls < 2 ? HttpResponse.error() : HttpResponse.json(group))));
    await expect(createClient({ baseUrl: BASE, retries: fast }).groups.get({ groupId: 'g1' })).resolves.toMatchObject({
      id: 'g1',
    });
    expect(calls).toBe(2);
  });

  it('does not retry a 500, retries every POST with one key, and never retries a PUT or DELETE', async () => {
    let creates = 0;
    const acceptKeys: (string | null)[] = [];
    let deletes = 0;
    server.use(
      http.post(`${BASE}/v1/groups`, () => {
        creates++;
        return problem(500, 'INTERNAL');
      }),
      http.post(`${BASE}/v1/invitations/i1/accept`, ({ request }) => {
        acceptKeys.push(request.headers.get('Idempotency-Key'));
        return problem(503, 'SERVICE_UNAVAILABLE');
      }),
      http.delete(`${BASE}/v1/groups/g1/members/L1`, () => {
        deletes++;
        return problem(503, 'SERVICE_UNAVAILABLE');
      }),
    );
    const client = createClient({ baseUrl: BASE, retries: fast });
    await expect(client.groups.create({ body: { type: 'family', name: 'F' } })).rejects.toMatchObject({ status: 500 });
    await expect(client.invitations.accept({ invitationId: 'i1' })).rejects.toMatchObject({ status: 503 });
    await expect(client.groups.members.remove({ groupId: 'g1', learnerNumber: 'L1' })).rejects.toMatchObject({
      status: 503,
    });
    expect(creates).toBe(1);
    expect(acceptKeys).toHaveLength(3);
    expect(new Set(acceptKeys).size).toBe(1);
    expect(deletes).toBe(1);
  });

  it('sends the caller’s Idempotency-Key and headers', async () => {
    const seen: (string | null)[] = [];
    server.use(
      http.post(`${BASE}/v1/groups`, ({ request }) => {
        seen.push(request.headers.get('Idempotency-Key'), request.headers.get('X-Trace'));
        return HttpResponse.json(group, { status: 201 });
      }),
    );
    await createClient({ baseUrl: BASE }).groups.create(
      { body: { type: 'family', name: 'F' } },
      { idempotencyKey: 'k-1', headers: { 'X-Trace': 't' } },
    );
    expect(seen).toEqual(['k-1', 't']);
  });

  it('gives up after the configured retries', async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/v1/groups/g1`, () => {
        calls++;
        return problem(502, 'BAD_GATEWAY');
      }),
    );
    await expect(createClient({ baseUrl: BASE, retries: fast }).groups.get({ groupId: 'g1' })).rejects.toMatchObject({
      status: 502,
    });
    expect(calls).toBe(3);
  });
});

describe('pagination', () => {
  it('walks every page and fetches single pages', async () => {
    const all = Array.from({ length: 5 }, (_, i) => ({ learnerNumber: `L${i}`, role: 'member', joinedAt: '' }));
    server.use(
      http.get(`${BASE}/v1/groups/g1/members`, ({ request }) => {
        const url = new URL(request.url);
        const start = Number(url.searchParams.get('cursor') ?? 0);
        const limit = Number(url.searchParams.get('limit') ?? 2);
        const end = start + limit;
        return HttpResponse.json({ items: all.slice(start, end), nextCursor: end < all.length ? String(end) : null });
      }),
    );
    const client = createClient({ baseUrl: BASE });
    const seen: string[] = [];
    for await (const member of client.groups.members.list.all({ groupId: 'g1' })) seen.push(member.learnerNumber);
    expect(seen).toEqual(['L0', 'L1', 'L2', 'L3', 'L4']);
    const sizes: number[] = [];
    for await (const page of client.groups.members.list.pages({ groupId: 'g1', limit: 3 }))
      sizes.push(page.items.length);
    expect(sizes).toEqual([3, 2]);
    const page = await client.groups.members.list({ groupId: 'g1', limit: 3 });
    expect(page.items).toHaveLength(3);
    expect(page.nextCursor).toBe('3');
  });
});

describe('auth', () => {
  it('sends API keys, the region, and refreshes a session once on 401', async () => {
    const seen: (string | null)[] = [];
    let refreshes = 0;
    server.use(
      http.get(`${BASE}/v1/me`, ({ request }) => {
        seen.push(request.headers.get('Authorization'));
        return request.headers.get('Authorization') === 'Bearer fresh'
          ? HttpResponse.json({ kind: 'person', id: 'p1', roles: [] })
          : problem(401, 'UNAUTHENTICATED');
      }),
      http.post(`${BASE}/v1/sessions/refresh`, async ({ request }) => {
        refreshes++;
        expect(await request.json()).toEqual({ refreshToken: 'r1' });
        return HttpResponse.json(
          { token: 'fresh', expiresAt: '', refreshToken: 'r2', refreshExpiresAt: '' },
          { status: 201 },
        );
      }),
    );
    const store = createSessionStore({ token: 'stale', expiresAt: '', refreshToken: 'r1', refreshExpiresAt: '' });
    const client = createClient({ baseUrl: BASE, auth: store });
    await expect(client.me.get()).resolves.toMatchObject({ id: 'p1' });
    expect(seen).toEqual(['Bearer stale', 'Bearer fresh']);
    expect(refreshes).toBe(1);
    expect(store.get()?.refreshToken).toBe('r2');
  });

  it('gives up when the refresh fails, and never refreshes API keys', async () => {
    let refreshes = 0;
    const regions: (string | null)[] = [];
    server.use(
      http.get(`${BASE}/v1/me`, ({ request }) => {
        regions.push(request.headers.get('Lifelong-Region'));
        return problem(401, 'UNAUTHENTICATED');
      }),
      http.post(`${BASE}/v1/sessions/refresh`, () => {
        refreshes++;
        return problem(401, 'UNAUTHENTICATED');
      }),
    );
    const store = createSessionStore({ token: 't', expiresAt: '', refreshToken: 'r', refreshExpiresAt: '' });
    await expect(createClient({ baseUrl: BASE, auth: store }).me.get()).rejects.toMatchObject({ status: 401 });
    expect(store.get()).toBeUndefined();
    await expect(
      createClient({ baseUrl: BASE, auth: { apiKey: 'k' }, region: 'cn-bj' }).me.get(),
    ).rejects.toMatchObject({ status: 401 });
    expect(refreshes).toBe(1);
    expect(regions).toEqual([null, 'cn-bj']);
  });
});

describe('withPlugins', () => {
  it('binds more plugins to the same transport: one refresh serves the core and the plugin', async () => {
    const { defineContract, definePluginClient } = await import('@lifelong/core/contract');
    const { Type } = await import('@sinclair/typebox');
    const community = definePluginClient('community', {
      listNeeds: defineContract({
        operationId: 'needs.list',
        method: 'get',
        path: '/needs',
        summary: 'Needs',
        access: { authenticated: 'anyone' },
        responses: { 200: { description: 'Needs', body: Type.Object({ items: Type.Array(Type.String()) }) } },
      }),
    });
    let refreshes = 0;
    const answer =
      (body: object) =>
      ({ request }: { request: Request }) =>
        request.headers.get('Authorization') === 'Bearer fresh'
          ? HttpResponse.json(body)
          : problem(401, 'UNAUTHENTICATED');
    server.use(
      http.get(`${BASE}/v1/me`, answer({ kind: 'person', id: 'p1', roles: [] })),
      http.get(`${BASE}/v1/community/needs`, answer({ items: ['n1'] })),
      http.post(`${BASE}/v1/sessions/refresh`, async () => {
        refreshes++;
        await new Promise((resolve) => setTimeout(resolve, 20));
        return HttpResponse.json(
          { token: 'fresh', expiresAt: '', refreshToken: 'r2', refreshExpiresAt: '' },
          { status: 201 },
        );
      }),
    );
    const store = createSessionStore({ token: 'stale', expiresAt: '', refreshToken: 'r1', refreshExpiresAt: '' });
    const client = createClient({ baseUrl: BASE, auth: store });
    const extended = client.withPlugins([community]);
    const [me, needs] = await Promise.all([client.me.get(), extended.community.needs.list({})]);
    expect([me.id, needs]).toEqual(['p1', { items: ['n1'] }]);
    expect(refreshes).toBe(1);
    expect(extended.session).toBe(client.session);
    expect('community' in client).toBe(false);
    expect(() => client.withPlugins([definePluginClient('people', {})])).toThrow(/shadow the core/);
  });
});

describe('cancellation', () => {
  const slow = () =>
    server.use(
      http.get(`${BASE}/v1/groups/g1`, async () => {
        await new Promise((resolve) => setTimeout(resolve, 2000));
        return HttpResponse.json(group);
      }),
    );

  it('aborts with the caller’s signal', async () => {
    slow();
    const controller = new AbortController();
    const call = createClient({ baseUrl: BASE }).groups.get({ groupId: 'g1' }, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user gave up')), 20);
    await expect(call).rejects.toThrow('user gave up');
  });

  it('times out with LifelongTimeoutError', async () => {
    slow();
    const error = await createClient({ baseUrl: BASE, retries: 0 })
      .groups.get({ groupId: 'g1' }, { timeoutMs: 30 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LifelongTimeoutError);
  });
});

describe('plugin administration', () => {
  const state = { regionId: 'cn-bj', pluginId: 'credit-bank', version: '1.0.0', enabled: true, config: { cap: 5 } };

  it('lists plugins, reads a region’s state and PUTs a new one, escaping path segments', async () => {
    const seen: string[] = [];
    server.use(
      http.get(`${BASE}/v1/plugins`, () =>
        HttpResponse.json({
          items: [
            {
              id: 'credit-bank',
              version: '1.0.0',
              description: null,
              requires: { core: '>=0.1.0', plugins: {} },
              permissions: [],
              regions: [{ regionId: 'cn-bj', enabled: true }],
            },
          ],
        }),
      ),
      http.get(`${BASE}/v1/regions/:regionId/plugins/:pluginId`, ({ request }) => {
        seen.push(new URL(request.url).pathname);
        return HttpResponse.json(state);
      }),
      http.put(`${BASE}/v1/regions/:regionId/plugins/:pluginId`, async ({ request }) => {
        seen.push(`PUT ${new URL(request.url).pathname} ${JSON.stringify(await request.json())}`);
        expect(request.headers.get('Idempotency-Key')).toBeNull();
        return HttpResponse.json({ ...state, enabled: false });
      }),
    );
    const client = createClient({ baseUrl: BASE, auth: { apiKey: 'k' } });
    expect((await client.plugins.list()).items.map((p) => p.id)).toEqual(['credit-bank']);
    expect(await client.regions.plugins.get({ regionId: 'cn-bj', pluginId: 'credit-bank' })).toEqual(state);
    await client.regions.plugins.get({ regionId: 'a/b', pluginId: 'c?d' });
    expect(
      (await client.regions.plugins.set({ regionId: 'cn-bj', pluginId: 'credit-bank', body: { enabled: false } }))
        .enabled,
    ).toBe(false);
    expect(seen).toEqual([
      '/v1/regions/cn-bj/plugins/credit-bank',
      '/v1/regions/a%2Fb/plugins/c%3Fd',
      'PUT /v1/regions/cn-bj/plugins/credit-bank {"enabled":false}',
    ]);
  });

  it('retries the reads on 503 but never the PUT, and types the refusal', async () => {
    let gets = 0;
    let puts = 0;
    server.use(
      http.get(`${BASE}/v1/regions/cn-bj/plugins/credit-bank`, () =>
        ++gets === 1 ? problem(503, 'SERVICE_UNAVAILABLE') : HttpResponse.json(state),
      ),
      http.put(`${BASE}/v1/regions/cn-bj/plugins/credit-bank`, () => {
        puts++;
        return problem(503, 'SERVICE_UNAVAILABLE');
      }),
    );
    const client = createClient({ baseUrl: BASE, retries: fast });
    await expect(client.regions.plugins.get({ regionId: 'cn-bj', pluginId: 'credit-bank' })).resolves.toEqual(state);
    expect(gets).toBe(2);
    const error = await client.regions.plugins
      .set({ regionId: 'cn-bj', pluginId: 'credit-bank', body: { enabled: true, config: { cap: 1 } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LifelongError);
    expect(error).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(puts).toBe(1);
  });
});

describe('file answers', () => {
  it('resolve to the raw Response (200, 206, 304) and reject problems as LifelongError', async () => {
    const { defineContract, definePluginClient } = await import('@lifelong/core/contract');
    const { Type } = await import('@sinclair/typebox');
    const teacherDevelopment = definePluginClient('teacher-development', {
      getCourseMedia: defineContract({
        operationId: 'courses.media.get',
        method: 'get',
        path: '/courses/{courseId}/media/{sha256}',
        summary: 'A file answer',
        access: { authenticated: 'anyone' },
        request: { params: Type.Object({ courseId: Type.String(), sha256: Type.String() }) },
        responses: {
          200: { description: 'The file', file: { contentTypes: ['video/mp4'] } },
          206: { description: 'Part of it', file: { contentTypes: ['video/mp4'] } },
          304: { description: 'Not modified' },
        },
      }),
    });
    const path = `${BASE}/v1/teacher-development/courses/c1/media/${'a'.repeat(64)}`;
    const seen: (string | null)[] = [];
    server.use(
      http.get(path, ({ request }) => {
        seen.push(request.headers.get('range'));
        if (request.headers.get('if-none-match')) return new HttpResponse(null, { status: 304 });
        if (request.headers.get('range')) {
          return new HttpResponse('ftyp', { status: 206, headers: { 'Content-Type': 'video/mp4' } });
        }
        return new HttpResponse('not json at all', { status: 200, headers: { 'Content-Type': 'video/mp4' } });
      }),
    );
    const client = createClient({ baseUrl: BASE, auth: { token: 't' }, plugins: [teacherDevelopment] });
    const input = { courseId: 'c1', sha256: 'a'.repeat(64) };
    const whole = await client.teacherDevelopment.courses.media.get(input);
    expect([whole.status, await whole.text()]).toEqual([200, 'not json at all']);
    const part = await client.teacherDevelopment.courses.media.get(input, { headers: { Range: 'bytes=4-7' } });
    expect([part.status, await part.text()]).toEqual([206, 'ftyp']);
    const cached = await client.teacherDevelopment.courses.media.get(input, { headers: { 'If-None-Match': '"x"' } });
    expect(cached.status).toBe(304);
    expect(seen).toEqual([null, 'bytes=4-7', null]);

    server.use(http.get(path, () => problem(404, 'TEACHER_DEVELOPMENT_COURSE_NOT_FOUND')));
    await expect(client.teacherDevelopment.courses.media.get(input)).rejects.toBeInstanceOf(LifelongError);
  });
});

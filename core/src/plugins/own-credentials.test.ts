// The seams for plugins that speak a standard protocol (the xAPI LRS): routes that read the
// Authorization header themselves (access `credentials`), and uploads of any type, possibly empty.
import { Type } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../testing/index.js';
import { definePlugin } from './define-plugin.js';

const protocol = definePlugin({
  id: 'protocol',
  version: '1.0.0',
  register(p) {
    p.route({
      method: 'put',
      path: '/documents',
      summary: 'Store a document of any type',
      access: { credentials: 'HTTP Basic with the protocol’s own keys' },
      request: { upload: { contentTypes: ['*/*'], maxBytes: 64, optional: true } },
      responses: { 200: { description: 'What the handler saw', schema: Type.Any() } },
      handler: async ({ upload }, ctx) => ({
        status: 200,
        body: {
          principal: ctx.principal.kind,
          authorization: ctx.c.req.header('authorization') ?? null,
          contentType: upload.contentType,
          size: upload.bytes.byteLength,
        },
      }),
    });
    p.route({
      method: 'get',
      path: '/bearer',
      summary: 'An ordinary route',
      access: { authenticated: 'anyone signed in' },
      responses: { 200: { description: 'ok', schema: Type.Any() } },
      handler: async () => ({ status: 200, body: {} }),
    });
  },
});

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform({ plugins: [protocol] });
}, 60_000);
afterAll(() => t?.close());

const put = (headers: Record<string, string>, body?: string) =>
  t.request('/v1/protocol/documents', { method: 'PUT', headers, ...(body === undefined ? {} : { body }) });

describe('access { credentials }', () => {
  it('hands the Basic header to the handler, with an anonymous principal', async () => {
    const res = await put({ Authorization: 'Basic a2V5OnNlY3JldA==', 'Content-Type': 'text/plain' }, 'x');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      principal: 'anonymous',
      authorization: 'Basic a2V5OnNlY3JldA==',
      contentType: 'text/plain',
      size: 1,
    });
  });

  it('does not resolve a bearer token there (even the admin key stays anonymous)', async () => {
    const res = await t.request('/v1/protocol/documents', { method: 'PUT', auth: 'admin', body: 'x' });
    expect((await res.json()).principal).toBe('anonymous');
  });

  it('still refuses a Basic header on ordinary routes with 401', async () => {
    const res = await t.request('/v1/protocol/bearer', { headers: { Authorization: 'Basic a2V5OnNlY3JldA==' } });
    expect(res.status).toBe(401);
  });

  it('shows the basic security scheme and the credentials rule in OpenAPI', async () => {
    const doc = await (await t.request('/openapi.json')).json();
    const op = doc.paths['/v1/protocol/documents'].put;
    expect(op.security).toEqual([{ basic: [] }]);
    expect(op['x-credentials']).toBe('HTTP Basic with the protocol’s own keys');
    expect(doc.components.securitySchemes.basic).toMatchObject({ type: 'http', scheme: 'basic' });
  });
});

describe('uploads of any type, optional', () => {
  it('accepts any media type, and no Content-Type as application/octet-stream', async () => {
    expect((await (await put({ 'Content-Type': 'application/x-anything' }, 'abc')).json()).contentType).toBe(
      'application/x-anything',
    );
    const untyped = await t.request('/v1/protocol/documents', { method: 'PUT', body: new Uint8Array([1, 2]) });
    expect((await untyped.json()).contentType).toBe('application/octet-stream');
  });

  it('lets an empty body through as zero bytes, and still enforces maxBytes (413)', async () => {
    const empty = await put({ 'Content-Type': 'text/plain' }, '');
    expect(empty.status).toBe(200);
    expect((await empty.json()).size).toBe(0);
    expect((await put({ 'Content-Type': 'text/plain' }, 'x'.repeat(65))).status).toBe(413);
  });
});

// Streamed uploads and served files through the HTTP shell: a plugin route with `upload.stream`
// receives a staged file, keeps it or not, and a GET route answers with `serveFile`.
import { Type } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnsupportedMediaType } from '../errors/core-errors.js';
import { definePlugin } from '../plugins/define-plugin.js';
import { createTestPlatform, type TestPlatform } from '../testing/index.js';
import { serveFile } from './serve-file.js';
import { sniffContentType } from './sniff.js';

const kept = new Map<string, string>();

const streaming = definePlugin({
  id: 'streaming',
  version: '1.0.0',
  register(p) {
    p.route({
      method: 'post',
      path: '/files',
      summary: 'Upload a file as a stream',
      access: { authenticated: 'anyone signed in' },
      request: { upload: { contentTypes: ['application/pdf'], maxBytes: 100_000, stream: true } },
      responses: { 201: { description: 'Kept', schema: Type.Object({ sha256: Type.String(), size: Type.Integer() }) } },
      handler: async ({ upload }, ctx) => {
        if (sniffContentType(upload.head) !== 'application/pdf') throw UnsupportedMediaType({ detail: 'Not a PDF' });
        const stored = await ctx.files.keep(upload);
        kept.set(stored.sha256, upload.contentType);
        return { status: 201, body: stored };
      },
    });
    p.route({
      method: 'get',
      path: '/files/{sha256}',
      summary: 'Download a file',
      access: { authenticated: 'anyone signed in' },
      request: { params: Type.Object({ sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }) }) },
      responses: {
        200: { description: 'The file', file: { contentTypes: ['application/pdf'] } },
        206: { description: 'Part of it', file: { contentTypes: ['application/pdf'] } },
        304: { description: 'Not modified' },
      },
      handler: async ({ params }, ctx) => ({
        response: await serveFile(ctx.files, ctx.c.req.raw, {
          sha256: params.sha256,
          contentType: 'application/pdf',
          filename: 'file.pdf',
          disposition: 'inline',
          policy: ["media-src 'self'"],
        }),
      }),
    });
  },
});

let t: TestPlatform;
let token: string;
beforeAll(async () => {
  t = await createTestPlatform({ plugins: [streaming] });
  token = (await t.person()).token;
});
afterAll(() => t.close());

/** A body sent as a stream of chunks without Content-Length, as a browser or curl -T - does. */
function chunked(chunks: Uint8Array[]) {
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.shift();
      if (next) controller.enqueue(next);
      else controller.close();
    },
  });
  return t.platform.app.request('/v1/streaming/files', {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/pdf' },
    body: stream,
    duplex: 'half',
  } as RequestInit);
}

const PDF = new TextEncoder().encode(`%PDF-1.7 ${'x'.repeat(50_000)}`);

describe('streamed uploads', () => {
  it('are received chunk by chunk, hashed, and kept when the handler keeps them', async () => {
    const res = await chunked([PDF.slice(0, 10), PDF.slice(10, 30_000), PDF.slice(30_000)]);
    expect(res.status).toBe(201);
    const body = (await res.json()) as { sha256: string; size: number };
    expect(body.size).toBe(PDF.byteLength);
    expect(Buffer.from((await t.platform.files.get(body.sha256)) ?? [])).toEqual(Buffer.from(PDF));
  });

  it('are refused with 413 problem+json as soon as they pass the limit, keeping nothing', async () => {
    const big = new Uint8Array(40_000).fill(0x25);
    const res = await chunked([big, big, big, big]);
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', maxBytes: 100_000 });
  });

  it('leave nothing in the store when the handler refuses them', async () => {
    const fake = new TextEncoder().encode('MZ not a pdf at all');
    const res = await chunked([fake]);
    expect(res.status).toBe(415);
    const { sha256Hex } = await import('./file-store.js');
    expect(await t.platform.files.has(sha256Hex(fake))).toBe(false);
  });

  it('refuse an empty body (400) and an undeclared type (415)', async () => {
    expect((await chunked([])).status).toBe(400);
    const res = await t.request('/v1/streaming/files', {
      method: 'POST',
      auth: token,
      headers: { 'Content-Type': 'image/png' },
      body: PDF,
    });
    expect(res.status).toBe(415);
  });
});

describe('served files', () => {
  it('keep their own headers through the shell: range, ETag, CSP with media-src, nosniff', async () => {
    const { sha256 } = (await (await chunked([PDF])).json()) as { sha256: string };
    const res = await t.request(`/v1/streaming/files/${sha256}`, { auth: token, headers: { Range: 'bytes=0-7' } });
    expect(res.status).toBe(206);
    expect(await res.text()).toBe('%PDF-1.7');
    expect(res.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'; media-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toMatch(/^inline; filename="file.pdf"/);
    const again = await t.request(`/v1/streaming/files/${sha256}`, {
      auth: token,
      headers: { 'If-None-Match': `"${sha256}"` },
    });
    expect(again.status).toBe(304);
    const past = await t.request(`/v1/streaming/files/${sha256}`, { auth: token, headers: { Range: 'bytes=999999-' } });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${PDF.byteLength}`);
    expect(past.headers.get('content-type')).toContain('application/problem+json');
  });

  it('are documented as binary answers with 200, 206, 304 and 416', async () => {
    const doc = await (await t.request('/openapi.json')).json();
    const op = doc.paths['/v1/streaming/files/{sha256}'].get;
    expect(op.responses[200].content['application/pdf'].schema).toEqual({ type: 'string', format: 'binary' });
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '206', '304', '416']));
    const upload = doc.paths['/v1/streaming/files'].post;
    expect(upload.requestBody.content['application/pdf'].schema).toEqual({ type: 'string', format: 'binary' });
  });
});

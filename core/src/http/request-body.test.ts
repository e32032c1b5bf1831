import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from './app-env.js';
import { readBody } from './request-body.js';

const LIMIT = 64;
class TooLarge extends Error {}

const app = new Hono<AppEnv>();
app.post('/echo', async (c) => {
  try {
    const body = await readBody(c, LIMIT, () => new TooLarge());
    // A second read answers the same bytes (the body is read once per request).
    const again = await readBody(c, LIMIT, () => new TooLarge());
    // Read from the Node.js request, the WHATWG request's own body stream was never consumed.
    const viaNode = !c.req.raw.bodyUsed;
    return c.json({ text: body.toString('utf8'), same: body === again, viaNode });
  } catch (error) {
    if (error instanceof TooLarge) return c.text('too large', 413);
    throw error;
  }
});

describe('readBody', () => {
  let server: ReturnType<typeof createAdaptorServer>;
  let url: string;
  beforeAll(async () => {
    server = createAdaptorServer({ fetch: app.fetch });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/echo`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  // Chunked: no Content-Length, so the limit is enforced while reading.
  const chunked = (parts: string[]) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const part of parts) controller.enqueue(new TextEncoder().encode(part));
        controller.close();
      },
    });

  it('reads a body from the Node.js request, with or without a declared length', async () => {
    const declared = await fetch(url, { method: 'POST', body: 'héllo' });
    expect(await declared.json()).toEqual({ text: 'héllo', same: true, viaNode: true });
    const streamed = await fetch(url, {
      method: 'POST',
      body: chunked(['ab', 'cd', 'é']),
      duplex: 'half',
    } as RequestInit);
    expect(await streamed.json()).toEqual({ text: 'abcdé', same: true, viaNode: true });
  });

  it('refuses a body beyond the limit, declared or streamed, and the connection serves on', async () => {
    expect((await fetch(url, { method: 'POST', body: 'x'.repeat(LIMIT + 1) })).status).toBe(413);
    const streamed = await fetch(url, {
      method: 'POST',
      body: chunked(['x'.repeat(40), 'x'.repeat(40)]),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect((await fetch(url, { method: 'POST', body: 'x'.repeat(LIMIT) })).status).toBe(200);
  });

  it('reads the WHATWG request where there is no Node.js request (app.request)', async () => {
    const ok = await app.request('/echo', { method: 'POST', body: 'plain' });
    expect(await ok.json()).toEqual({ text: 'plain', same: true, viaNode: false });
    const big = await app.request('/echo', {
      method: 'POST',
      body: chunked(['x'.repeat(40), 'x'.repeat(40)]),
      duplex: 'half',
    } as RequestInit);
    expect(big.status).toBe(413);
  });
});

import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import type { AppEnv } from './app-env.js';

const BODY = Symbol('lifelong.requestBody');

/** What `@hono/node-server` passes as the environment: the Node.js request behind `c.req`. */
function nodeRequest(c: Context<AppEnv>): IncomingMessage | undefined {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming && typeof incoming.on === 'function' && !incoming.readableDidRead ? incoming : undefined;
}

async function readNode(incoming: IncomingMessage, maxBytes: number, tooLarge: () => Error): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming as AsyncIterable<Buffer>) {
    size += chunk.length;
    // The rest is left unread: the server drains or closes the connection after the answer.
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size);
}

async function readWeb(request: Request, maxBytes: number, tooLarge: () => Error): Promise<Buffer> {
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

/**
 * The request's body, refused with `tooLarge()` beyond `maxBytes` (at once when the client
 * declares a larger Content-Length, otherwise as soon as the bytes read pass the limit).
 *
 * Under `@hono/node-server` it reads the Node.js request stream directly: going through
 * `c.req` makes the adapter build a WHATWG `Request` with a web stream over the same bytes,
 * which cost more CPU than the rest of a small JSON request (docs/PERFORMANCE.md). Elsewhere
 * (`app.request()` in tests, other runtimes) it reads `c.req.raw`. Read once per request.
 */
export function readBody(c: Context<AppEnv>, maxBytes: number, tooLarge: () => Error): Promise<Buffer> {
  const cached = (c as unknown as { [BODY]?: Promise<Buffer> })[BODY];
  if (cached) return cached;
  const declared = Number(c.req.header('content-length'));
  const incoming = nodeRequest(c);
  const body =
    declared > maxBytes
      ? Promise.reject(tooLarge())
      : incoming
        ? readNode(incoming, maxBytes, tooLarge)
        : readWeb(c.req.raw, maxBytes, tooLarge);
  (c as unknown as { [BODY]?: Promise<Buffer> })[BODY] = body;
  return body;
}

/**
 * The request's body as a stream of chunks, for uploads that go to the file store as they arrive
 * (never buffered whole). The size limit is the reader's to enforce; a declared Content-Length
 * over `maxBytes` is refused before any byte is read.
 */
export function bodyStream(c: Context<AppEnv>, maxBytes: number, tooLarge: () => Error): AsyncIterable<Uint8Array> {
  if (Number(c.req.header('content-length')) > maxBytes) throw tooLarge();
  const incoming = nodeRequest(c);
  if (incoming) return incoming as AsyncIterable<Buffer>;
  const body = c.req.raw.body;
  return body ? (body as unknown as AsyncIterable<Uint8Array>) : (async function* () {})();
}

import { describe, expect, it } from 'vitest';
import { memoryFileStore } from './memory-file-store.js';
import { contentDisposition, parseRange, serveFile } from './serve-file.js';

const BYTES = new TextEncoder().encode('%PDF-1.7 0123456789abcdefghij');
const store = memoryFileStore();
const { sha256, size } = await store.put(BYTES);
const file = {
  sha256,
  contentType: 'application/pdf',
  filename: 'évidence "1".pdf',
  disposition: 'attachment' as const,
};
const get = (headers: Record<string, string> = {}) => serveFile(store, new Request('http://x/f', { headers }), file);
const text = async (res: Response) => new TextDecoder().decode(await res.arrayBuffer());

describe('serveFile', () => {
  it('serves the whole file with its hash as ETag and the sandboxing headers', async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(await text(res)).toBe('%PDF-1.7 0123456789abcdefghij');
    expect(Object.fromEntries(res.headers)).toMatchObject({
      'accept-ranges': 'bytes',
      'content-length': String(size),
      'content-type': 'application/pdf',
      etag: `"${sha256}"`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "sandbox; default-src 'none'",
      'content-disposition': `attachment; filename="_vidence _1_.pdf"; filename*=UTF-8''%C3%A9vidence%20%221%22.pdf`,
    });
  });

  it.each([
    ['bytes=0-3', '%PDF', 'bytes 0-3/29'],
    ['bytes=9-12', '0123', 'bytes 9-12/29'],
    ['bytes=-4', 'ghij', 'bytes 25-28/29'],
    ['bytes=25-', 'ghij', 'bytes 25-28/29'],
    ['bytes=20-999', 'bcdefghij', 'bytes 20-28/29'],
  ])('answers %s with 206 and exactly those bytes', async (range, body, contentRange) => {
    const res = await get({ Range: range });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(contentRange);
    expect(res.headers.get('content-length')).toBe(String(body.length));
    expect(await text(res)).toBe(body);
  });

  it('refuses a range past the end with 416 and the size', async () => {
    await expect(get({ Range: 'bytes=29-' })).rejects.toMatchObject({
      status: 416,
      code: 'RANGE_NOT_SATISFIABLE',
      headers: { 'Content-Range': 'bytes */29' },
    });
    await expect(get({ Range: 'bytes=-0' })).rejects.toMatchObject({ status: 416 });
  });

  it('serves the whole file for ranges it ignores (several, malformed, other unit, stale If-Range)', async () => {
    for (const range of ['bytes=0-1,4-5', 'bytes=5-2', 'items=0-1', 'bytes=x-y']) {
      expect((await get({ Range: range })).status).toBe(200);
    }
    expect((await get({ Range: 'bytes=0-1', 'If-Range': '"other"' })).status).toBe(200);
    expect((await get({ Range: 'bytes=0-1', 'If-Range': `"${sha256}"` })).status).toBe(206);
  });

  it('answers If-None-Match with the file tag with 304 and no body', async () => {
    for (const tag of [`"${sha256}"`, `W/"${sha256}"`, `"a", "${sha256}"`, '*']) {
      const res = await get({ 'If-None-Match': tag });
      expect(res.status).toBe(304);
      expect(res.headers.get('etag')).toBe(`"${sha256}"`);
      expect(await res.arrayBuffer()).toHaveProperty('byteLength', 0);
    }
    expect((await get({ 'If-None-Match': '"other"' })).status).toBe(200);
  });

  it('is a 404 when the bytes are gone', async () => {
    await expect(
      serveFile(store, new Request('http://x/f'), { ...file, sha256: 'e'.repeat(64) }),
    ).rejects.toMatchObject({ status: 404 });
  });
});

describe('parseRange and contentDisposition', () => {
  it('parses the three forms', () => {
    expect(parseRange('bytes=0-0', 10)).toEqual({ start: 0, end: 0 });
    expect(parseRange('bytes=-20', 10)).toEqual({ start: 0, end: 9 });
    expect(parseRange('bytes=10-', 10)).toBe('unsatisfiable');
    expect(parseRange(null, 10)).toBeNull();
  });

  it('never lets a filename break out of the header', () => {
    const header = contentDisposition('inline', '../../a"b\r\nX-Evil: 1;.mp4');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.startsWith('inline; filename="')).toBe(true);
    expect(header).toContain(`filename=".._.._a_bX-Evil: 1_.mp4"`);
    expect(contentDisposition('attachment', '')).toBe(`attachment; filename="file"; filename*=UTF-8''file`);
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diskFileStore } from './disk-file-store.js';
import { sha256Hex } from './file-store.js';
import { memoryFileStore } from './memory-file-store.js';
import { sniffContentType } from './sniff.js';

const dir = await mkdtemp(join(tmpdir(), 'lifelong-files-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe.each([
  ['disk', () => diskFileStore(dir)],
  ['memory', () => memoryFileStore()],
])('%s file store', (_name, make) => {
  it('stores bytes once under their SHA-256 and reads them back', async () => {
    const store = make();
    const bytes = new TextEncoder().encode(`hello ${_name}`);
    const first = await store.put(bytes);
    const again = await Promise.all([store.put(bytes), store.put(bytes)]);
    expect(first).toEqual({ sha256: sha256Hex(bytes), size: bytes.byteLength });
    expect(again).toEqual([first, first]);
    expect(await store.has(first.sha256)).toBe(true);
    expect(Buffer.from((await store.get(first.sha256)) ?? [])).toEqual(Buffer.from(bytes));
  });

  it('stages a stream chunk by chunk, hashing it, and keeps only what is kept', async () => {
    const store = make();
    const parts = ['%PDF-1.7 ', 'streamed ', _name].map((x) => new TextEncoder().encode(x));
    async function* source() {
      yield* parts;
    }
    const whole = new TextEncoder().encode(`%PDF-1.7 streamed ${_name}`);
    const staged = await store.stage(source());
    expect({ sha256: staged.sha256, size: staged.size }).toEqual({ sha256: sha256Hex(whole), size: whole.byteLength });
    expect(new TextDecoder().decode(staged.head)).toBe(`%PDF-1.7 streamed ${_name}`);
    expect(await store.has(staged.sha256)).toBe(false);
    await staged.keep('plugin-a');
    await staged.discard();
    expect(Buffer.from((await store.get(staged.sha256)) ?? [])).toEqual(Buffer.from(whole));

    const refused = await store.stage(new Blob([new TextEncoder().encode('never kept')]).stream());
    await refused.discard();
    expect(await store.has(refused.sha256)).toBe(false);
  });

  it('refuses a stream past maxBytes with the given error, keeping nothing', async () => {
    const store = make();
    async function* big() {
      for (let i = 0; i < 10; i++) yield new Uint8Array(1000).fill(i);
    }
    await expect(store.stage(big(), { maxBytes: 4500, tooLarge: () => new Error('too big') })).rejects.toThrow(
      'too big',
    );
    const staged = await store.stage(big(), { maxBytes: 10_000 });
    expect(staged.size).toBe(10_000);
    await staged.discard();
  });

  it('opens a byte range as a stream', async () => {
    const store = make();
    const bytes = new TextEncoder().encode(`0123456789-${_name}`);
    const { sha256 } = await store.put(bytes);
    const read = async (range?: { start: number; end: number }) => {
      const opened = await store.open(sha256, range);
      return opened ? new TextDecoder().decode(await new Response(opened.stream).arrayBuffer()) : null;
    };
    expect(await read({ start: 2, end: 4 })).toBe('234');
    expect(await read()).toBe(`0123456789-${_name}`);
    expect(await store.stat(sha256)).toEqual({ sha256, size: bytes.byteLength });
    expect(await store.open('f'.repeat(64))).toBeNull();
  });

  it('deletes the bytes when the last holder releases them', async () => {
    const store = make();
    const bytes = new TextEncoder().encode(`shared ${_name}`);
    const { sha256 } = await store.put(bytes, { holder: 'credit-bank' });
    await store.put(bytes, { holder: 'teacher-development' });
    expect(await store.release(sha256, 'credit-bank')).toBe(false);
    expect(await store.has(sha256)).toBe(true);
    expect(await store.release(sha256, 'teacher-development')).toBe(true);
    expect(await store.has(sha256)).toBe(false);
    await expect(store.release(sha256, '../etc')).rejects.toThrow(TypeError);
  });

  it('answers null for unknown or malformed names, never a path outside the store', async () => {
    const store = make();
    expect(await store.get('0'.repeat(64))).toBeNull();
    expect(await store.get('../../etc/passwd')).toBeNull();
    expect(await store.has('../x')).toBe(false);
  });
});

describe('sniffContentType', () => {
  it('recognises files by their content, not their name', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(sniffContentType(enc('%PDF-1.7\n...'))).toBe('application/pdf');
    expect(sniffContentType(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png');
    expect(sniffContentType(Uint8Array.of(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(sniffContentType(enc('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffContentType(enc('\0\0\0\x18ftypmp42'))).toBe('video/mp4');
    expect(sniffContentType(enc('MZ\x90\0 not a pdf'))).toBeNull();
    expect(sniffContentType(new Uint8Array())).toBeNull();
  });
});

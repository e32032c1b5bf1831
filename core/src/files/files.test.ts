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

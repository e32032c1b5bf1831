import { type FileStore, SHA256_HEX, sha256Hex } from './file-store.js';

/** Files in memory: for tests and for `memory://` platforms, which keep nothing either. */
export function memoryFileStore(): FileStore {
  const files = new Map<string, Uint8Array>();
  return {
    async put(bytes) {
      const sha256 = sha256Hex(bytes);
      if (!files.has(sha256)) files.set(sha256, bytes.slice());
      return { sha256, size: bytes.byteLength };
    },
    async get(sha256) {
      if (!SHA256_HEX.test(sha256)) return null;
      return files.get(sha256)?.slice() ?? null;
    },
    async has(sha256) {
      return files.has(sha256);
    },
  };
}

import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type FileStore, SHA256_HEX, sha256Hex } from './file-store.js';

/**
 * Files on the local disk under `dir/<first two hex digits>/<sha256>`. Writes go to a temporary
 * name and are renamed into place, so a reader never sees half a file and concurrent uploads of
 * the same bytes are harmless.
 */
export function diskFileStore(dir: string): FileStore {
  const root = resolve(dir);
  const pathOf = (sha256: string) => join(root, sha256.slice(0, 2), sha256);
  const exists = async (sha256: string) =>
    stat(pathOf(sha256)).then(
      () => true,
      () => false,
    );
  return {
    async put(bytes) {
      const sha256 = sha256Hex(bytes);
      if (!(await exists(sha256))) {
        const folder = join(root, sha256.slice(0, 2));
        await mkdir(folder, { recursive: true });
        const temporary = join(folder, `.${sha256}.${randomUUID()}.tmp`);
        await writeFile(temporary, bytes);
        await rename(temporary, pathOf(sha256));
      }
      return { sha256, size: bytes.byteLength };
    },
    async get(sha256) {
      if (!SHA256_HEX.test(sha256)) return null;
      try {
        return new Uint8Array(await readFile(pathOf(sha256)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    has: (sha256) => (SHA256_HEX.test(sha256) ? exists(sha256) : Promise.resolve(false)),
  };
}

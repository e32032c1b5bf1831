import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import {
  checkHolder,
  type FileStore,
  receive,
  SHA256_HEX,
  type StagedFile,
  type StageOptions,
  type StoredFile,
} from './file-store.js';

/**
 * Files on the local disk under `dir/<first two hex digits>/<sha256>`, their holders as empty
 * files in `<sha256>.holders/`. Uploads are written to `dir/.staging/` while they arrive (hashed on
 * the way) and renamed into place, so a reader never sees half a file, concurrent uploads of the
 * same bytes are harmless, and memory use does not grow with the file.
 */
export function diskFileStore(dir: string): FileStore {
  const root = resolve(dir);
  const staging = join(root, '.staging');
  const folderOf = (sha256: string) => join(root, sha256.slice(0, 2));
  const pathOf = (sha256: string) => join(folderOf(sha256), sha256);
  const holdersOf = (sha256: string) => join(folderOf(sha256), `${sha256}.holders`);
  const sizeOf = async (sha256: string) =>
    SHA256_HEX.test(sha256)
      ? stat(pathOf(sha256)).then(
          (s) => s.size,
          () => null,
        )
      : null;

  async function stage(source: Parameters<FileStore['stage']>[0], options: StageOptions = {}): Promise<StagedFile> {
    await mkdir(staging, { recursive: true });
    const temporary = join(staging, `${randomUUID()}.tmp`);
    const handle = await open(temporary, 'wx');
    let received: Awaited<ReturnType<typeof receive>>;
    try {
      received = await receive(source, options, async (chunk) => {
        await handle.write(chunk);
      });
    } catch (error) {
      await handle.close();
      await rm(temporary, { force: true });
      throw error;
    }
    await handle.close();
    let settled: Promise<unknown> | undefined;
    const stored: StoredFile = { sha256: received.sha256, size: received.size };
    return {
      ...stored,
      head: received.head,
      keep(holder) {
        settled ??= (async () => {
          const { sha256 } = received;
          await mkdir(folderOf(sha256), { recursive: true });
          // The hold first: a concurrent release then sees it and leaves the bytes.
          if (holder) {
            await mkdir(holdersOf(sha256), { recursive: true });
            await writeFile(join(holdersOf(sha256), checkHolder(holder)), '');
          }
          if ((await sizeOf(sha256)) === null) await rename(temporary, pathOf(sha256));
          else await rm(temporary, { force: true });
        })();
        return settled.then(() => stored);
      },
      async discard() {
        settled ??= rm(temporary, { force: true });
        await settled;
      },
    };
  }

  return {
    async put(source, options = {}) {
      const staged = await stage(source, options);
      return staged.keep(options.holder);
    },
    stage,
    async get(sha256) {
      if (!SHA256_HEX.test(sha256)) return null;
      try {
        return new Uint8Array(await readFile(pathOf(sha256)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async open(sha256, range) {
      const size = await sizeOf(sha256);
      if (size === null) return null;
      const stream = createReadStream(pathOf(sha256), range ? { start: range.start, end: range.end } : {});
      return { size, stream: Readable.toWeb(stream) as ReadableStream<Uint8Array> };
    },
    async stat(sha256) {
      const size = await sizeOf(sha256);
      return size === null ? null : { sha256, size };
    },
    has: async (sha256) => (await sizeOf(sha256)) !== null,
    async release(sha256, holder) {
      if (!SHA256_HEX.test(sha256)) return false;
      await rm(join(holdersOf(sha256), checkHolder(holder)), { force: true });
      const left = await readdir(holdersOf(sha256)).catch(() => []);
      if (left.length > 0) return false;
      await rm(holdersOf(sha256), { recursive: true, force: true });
      try {
        await unlink(pathOf(sha256));
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw error;
      }
    },
  };
}

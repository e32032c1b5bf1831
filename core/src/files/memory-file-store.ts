import { Buffer } from 'node:buffer';
import { checkHolder, type FileStore, receive, SHA256_HEX, type StagedFile, type StageOptions } from './file-store.js';

/** Files in memory: for tests and for `memory://` platforms, which keep nothing either. */
export function memoryFileStore(): FileStore {
  const files = new Map<string, { bytes: Uint8Array; holders: Set<string> }>();

  async function stage(source: Parameters<FileStore['stage']>[0], options: StageOptions = {}): Promise<StagedFile> {
    const chunks: Uint8Array[] = [];
    const received = await receive(source, options, (chunk) => {
      chunks.push(chunk.slice());
    });
    let done = false;
    const stored = { sha256: received.sha256, size: received.size };
    return {
      ...stored,
      head: received.head,
      async keep(holder) {
        if (!done) {
          done = true;
          const entry = files.get(stored.sha256) ?? {
            bytes: new Uint8Array(Buffer.concat(chunks, stored.size)),
            holders: new Set<string>(),
          };
          if (holder) entry.holders.add(checkHolder(holder));
          files.set(stored.sha256, entry);
          chunks.length = 0;
        }
        return stored;
      },
      async discard() {
        done = true;
        chunks.length = 0;
      },
    };
  }

  return {
    async put(source, options = {}) {
      return (await stage(source, options)).keep(options.holder);
    },
    stage,
    async get(sha256) {
      if (!SHA256_HEX.test(sha256)) return null;
      return files.get(sha256)?.bytes.slice() ?? null;
    },
    async open(sha256, range) {
      const entry = files.get(sha256);
      if (!entry) return null;
      const bytes = range ? entry.bytes.slice(range.start, range.end + 1) : entry.bytes.slice();
      return {
        size: entry.bytes.byteLength,
        stream: new ReadableStream<Uint8Array>({
          start(controller) {
            if (bytes.byteLength > 0) controller.enqueue(bytes);
            controller.close();
          },
        }),
      };
    },
    async stat(sha256) {
      const entry = files.get(sha256);
      return entry ? { sha256, size: entry.bytes.byteLength } : null;
    },
    async has(sha256) {
      return files.has(sha256);
    },
    async release(sha256, holder) {
      checkHolder(holder);
      const entry = files.get(sha256);
      if (!entry) return false;
      entry.holders.delete(holder);
      if (entry.holders.size > 0) return false;
      files.delete(sha256);
      return true;
    },
  };
}

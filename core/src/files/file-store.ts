import { createHash } from 'node:crypto';

/** A stored file, named by the SHA-256 of its bytes. */
export interface StoredFile {
  /** Lower-case hex SHA-256 of the content: the file's only name. */
  sha256: string;
  size: number;
}

/** Bytes to store: whole, or as a stream (a request body), which is never buffered whole. */
export type FileSource = Uint8Array | AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

export interface StageOptions {
  /** Refuse the file as soon as more than this many bytes arrive (the partial copy is removed). */
  maxBytes?: number;
  /** The error thrown past `maxBytes` (default: a plain `RangeError`). */
  tooLarge?: () => Error;
}

/**
 * A file received in full (hashed and counted while it was written) but not yet in the store:
 * its first bytes can be sniffed and its size checked against limits and quotas before it is
 * kept. What is not kept is discarded, so a refused upload leaves nothing behind.
 */
export interface StagedFile extends StoredFile {
  /** The first bytes (up to `HEAD_BYTES`), for `sniffContentType`. */
  head: Uint8Array;
  /** Moves the file into the store for `holder` (see `FileStore.release`); idempotent. */
  keep(holder?: string): Promise<StoredFile>;
  /** Removes the staged copy unless it was kept; idempotent. */
  discard(): Promise<void>;
}

/** An open stored file: its full size and a stream of the requested bytes. */
export interface OpenedFile {
  size: number;
  stream: ReadableStream<Uint8Array>;
}

/** An inclusive byte range, as in `Range: bytes=start-end`. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Content-addressed file storage (certificates' evidence, course media). The same bytes are stored
 * once, whoever uploads them, which is also how a plugin recognises a file it has seen before.
 *
 * Files are written outside the database transaction: a request that rolls back may leave a file
 * nobody refers to. That is harmless (its name is its content) and a sweeper can collect it; the
 * reverse, a row pointing to a missing file, cannot happen because rows are written after `put`.
 *
 * Each file records its **holders** (plugin ids): `put`/`keep` add one, `release` removes one and
 * deletes the bytes when none is left, so one plugin's clean-up never deletes another's file.
 *
 * Implement this interface to keep files elsewhere (an object store shared by several instances).
 */
export interface FileStore {
  /** Stores the bytes (a stream is written as it arrives, never held whole in memory). */
  put(source: FileSource, options?: StageOptions & { holder?: string }): Promise<StoredFile>;
  /** Receives the bytes into a staging area: hashed and sized, not yet kept. */
  stage(source: FileSource, options?: StageOptions): Promise<StagedFile>;
  /** The file's bytes, or null when no file has that hash. Buffers the file: prefer `open`. */
  get(sha256: string): Promise<Uint8Array | null>;
  /** A stream of the file (or of one inclusive byte range of it), or null when no file has that hash. */
  open(sha256: string, range?: ByteRange): Promise<OpenedFile | null>;
  /** The file's size, or null when no file has that hash. */
  stat(sha256: string): Promise<StoredFile | null>;
  has(sha256: string): Promise<boolean>;
  /** Drops `holder`'s hold; deletes the bytes when no holder is left. True when they were deleted. */
  release(sha256: string, holder: string): Promise<boolean>;
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** How many leading bytes a staged file keeps for sniffing. */
export const HEAD_BYTES = 4096;

const HOLDER = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Holders name folders on disk: only plugin-id-like names are accepted. */
export function checkHolder(holder: string): string {
  if (!HOLDER.test(holder)) throw new TypeError(`File holder "${holder}" must look like a plugin id`);
  return holder;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The chunks of any source, in order. */
export async function* chunksOf(source: FileSource): AsyncIterable<Uint8Array> {
  if (source instanceof Uint8Array) {
    yield source;
    return;
  }
  if (typeof (source as ReadableStream<Uint8Array>).getReader === 'function') {
    const reader = (source as ReadableStream<Uint8Array>).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      reader.releaseLock();
    }
  }
  yield* source as AsyncIterable<Uint8Array>;
}

/**
 * Reads a source chunk by chunk, hashing and counting it and keeping its head, and hands each
 * chunk to `write`. Throws `tooLarge()` as soon as the count passes `maxBytes`.
 */
export async function receive(
  source: FileSource,
  options: StageOptions,
  write: (chunk: Uint8Array) => Promise<void> | void,
): Promise<{ sha256: string; size: number; head: Uint8Array }> {
  const hash = createHash('sha256');
  const head = new Uint8Array(HEAD_BYTES);
  let headLength = 0;
  let size = 0;
  const max = options.maxBytes ?? Number.POSITIVE_INFINITY;
  for await (const chunk of chunksOf(source)) {
    size += chunk.byteLength;
    if (size > max) throw options.tooLarge?.() ?? new RangeError(`The file is over ${max} bytes`);
    if (headLength < HEAD_BYTES) {
      const take = chunk.subarray(0, HEAD_BYTES - headLength);
      head.set(take, headLength);
      headLength += take.byteLength;
    }
    hash.update(chunk);
    await write(chunk);
  }
  return { sha256: hash.digest('hex'), size, head: head.slice(0, headLength) };
}

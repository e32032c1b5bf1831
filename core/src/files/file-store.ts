import { createHash } from 'node:crypto';

/** A stored file, named by the SHA-256 of its bytes. */
export interface StoredFile {
  /** Lower-case hex SHA-256 of the content: the file's only name. */
  sha256: string;
  size: number;
}

/**
 * Content-addressed file storage (certificates' evidence, course media). The same bytes are stored
 * once, whoever uploads them, which is also how a plugin recognises a file it has seen before.
 *
 * Files are written outside the database transaction: a request that rolls back may leave a file
 * nobody refers to. That is harmless (its name is its content) and a sweeper can collect it; the
 * reverse, a row pointing to a missing file, cannot happen because rows are written after `put`.
 *
 * Implement this interface to keep files elsewhere (an object store shared by several instances).
 */
export interface FileStore {
  put(bytes: Uint8Array): Promise<StoredFile>;
  /** The file's bytes, or null when no file has that hash. */
  get(sha256: string): Promise<Uint8Array | null>;
  has(sha256: string): Promise<boolean>;
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

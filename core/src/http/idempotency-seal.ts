import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

/**
 * What `core.idempotency_keys` holds of a key and its answer, without either in the clear. An
 * answer may carry a secret shown once (a share link's token, an API key), and it is replayed to
 * whoever presents the key again: so the key is stored as its SHA-256, and the answer encrypted
 * (AES-256-GCM) under a key derived from the Idempotency-Key itself. A reader of the table, a
 * backup or a replica learns neither; the caller who retries with the key gets the answer back.
 * A guessable Idempotency-Key protects its answer as little as it protects the request.
 */

export const keyDigest = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

const INFO = 'lifelong idempotency answer v1';

function answerKey(owner: string, key: string): Buffer {
  return Buffer.from(hkdfSync('sha256', key, owner, INFO, 32));
}

/** A sealed answer as stored in the `body` column (jsonb). */
export interface SealedAnswer {
  $sealed: string;
}

const isSealed = (value: unknown): value is SealedAnswer =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as SealedAnswer).$sealed === 'string' &&
  Object.keys(value).length === 1;

/** Encrypts a JSON answer; `null` (no body) stays `null`. */
export function sealAnswer(owner: string, key: string, body: unknown): SealedAnswer | null {
  if (body === undefined || body === null) return null;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', answerKey(owner, key), iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(body), 'utf8'), cipher.final()]);
  return { $sealed: Buffer.concat([iv, data, cipher.getAuthTag()]).toString('base64') };
}

/**
 * Decrypts a stored answer. Answers stored before sealing (migration 0010, kept at most the
 * retention period) are returned as they are.
 */
export function openAnswer(owner: string, key: string, stored: unknown): unknown {
  if (!isSealed(stored)) return stored;
  const bytes = Buffer.from(stored.$sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', answerKey(owner, key), bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  const text = Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]);
  return JSON.parse(text.toString('utf8'));
}

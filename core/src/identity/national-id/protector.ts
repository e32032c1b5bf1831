import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/** Keys for national IDs: one HMAC key (uniqueness) and AES-256 keys by id (the first is active). */
export interface NationalIdKeys {
  hmacKey: Buffer;
  encryptionKeys: ReadonlyMap<string, Buffer>;
  activeKeyId: string;
}

/** `k2:BASE64,k1:BASE64` → keys by id, the first one active for new encryptions. */
export function parseEncryptionKeys(value: string): { keys: Map<string, Buffer>; activeKeyId: string } {
  const keys = new Map<string, Buffer>();
  for (const part of value.split(',')) {
    const [id, key] = part.split(':') as [string, string];
    keys.set(id, Buffer.from(key, 'base64'));
  }
  return { keys, activeKeyId: value.split(':')[0] as string };
}

export interface ProtectedNationalId {
  /** HMAC-SHA256 of `scheme:number`: equal for the same ID, useless without the key. */
  hmac: string;
  /** AES-256-GCM: base64 of iv (12) | tag (16) | ciphertext. */
  ciphertext: string;
  keyId: string;
}

/** Hashes and encrypts national IDs; decrypts for the rare authorised display. */
export class NationalIdProtector {
  constructor(private readonly keys: NationalIdKeys) {}

  hmac(scheme: string, number: string): string {
    return createHmac('sha256', this.keys.hmacKey).update(`${scheme}:${number}`).digest('hex');
  }

  protect(scheme: string, number: string): ProtectedNationalId {
    const key = this.keys.encryptionKeys.get(this.keys.activeKeyId) as Buffer;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    // The scheme is bound as associated data: a ciphertext cannot be replayed under another scheme.
    cipher.setAAD(Buffer.from(scheme));
    const encrypted = Buffer.concat([cipher.update(number, 'utf8'), cipher.final()]);
    return {
      hmac: this.hmac(scheme, number),
      ciphertext: Buffer.concat([iv, cipher.getAuthTag(), encrypted]).toString('base64'),
      keyId: this.keys.activeKeyId,
    };
  }

  /**
   * Encrypts any secret under the active key with `associatedData` bound to it (a plugin's secrets:
   * `plugin:<id>:<purpose>`), so a ciphertext cannot be replayed for another purpose or plugin.
   */
  seal(associatedData: string, plaintext: string): { ciphertext: string; keyId: string } {
    const { ciphertext, keyId } = this.protect(associatedData, plaintext);
    return { ciphertext, keyId };
  }

  /** Decrypts what `seal` encrypted with the same associated data (throws on any mismatch). */
  open(associatedData: string, stored: { ciphertext: string; keyId: string }): string {
    return this.reveal(associatedData, stored);
  }

  reveal(scheme: string, stored: { ciphertext: string; keyId: string }): string {
    const key = this.keys.encryptionKeys.get(stored.keyId);
    if (!key) throw new Error(`No national ID encryption key with id "${stored.keyId}"`);
    const data = Buffer.from(stored.ciphertext, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
    decipher.setAAD(Buffer.from(scheme));
    decipher.setAuthTag(data.subarray(12, 28));
    return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
  }
}

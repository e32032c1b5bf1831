import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';

// Ed25519 with Node's own crypto, and the encodings DIDs and Data Integrity use for its keys:
// base58btc multibase ("z…") and the Multikey prefix 0xed01 (W3C Controlled Identifiers).

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const ED25519_PUB_PREFIX = Uint8Array.from([0xed, 0x01]);

export function base58btc(bytes: Uint8Array): string {
  let n = 0n;
  for (const b of bytes) n = n * 256n + BigInt(b);
  let out = '';
  while (n > 0n) {
    out = ALPHABET[Number(n % 58n)] + out;
    n /= 58n;
  }
  for (const b of bytes) {
    if (b !== 0) break;
    out = `1${out}`;
  }
  return out;
}

/** Decodes base58btc; null for a character outside the alphabet. */
export function fromBase58btc(text: string): Uint8Array | null {
  let n = 0n;
  for (const ch of text) {
    const i = ALPHABET.indexOf(ch);
    if (i < 0) return null;
    n = n * 58n + BigInt(i);
  }
  const bytes: number[] = [];
  while (n > 0n) {
    bytes.unshift(Number(n % 256n));
    n /= 256n;
  }
  for (const ch of text) {
    if (ch !== '1') break;
    bytes.unshift(0);
  }
  return Uint8Array.from(bytes);
}

export interface Ed25519KeyPair {
  /** 32 bytes, base64url (the JWK `x`). */
  publicKey: string;
  /** 32 bytes, base64url (the JWK `d`): only ever stored sealed. */
  privateKey: string;
}

export function generateEd25519(): Ed25519KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  return { publicKey: publicKey.export({ format: 'jwk' }).x as string, privateKey: jwk.d as string };
}

/** The Multikey form of an Ed25519 public key: "z6Mk…". */
export const publicKeyMultibase = (publicKey: string): string =>
  `z${base58btc(Uint8Array.from([...ED25519_PUB_PREFIX, ...Buffer.from(publicKey, 'base64url')]))}`;

/** The raw public key (base64url) of an Ed25519 Multikey, or null if it is not one. */
export function fromMultibase(multibase: string): string | null {
  if (!multibase.startsWith('z')) return null;
  const bytes = fromBase58btc(multibase.slice(1));
  if (bytes?.length !== 34 || bytes[0] !== 0xed || bytes[1] !== 0x01) return null;
  return Buffer.from(bytes.subarray(2)).toString('base64url');
}

export function signEd25519(keys: Ed25519KeyPair, data: Uint8Array): Uint8Array {
  const key = createPrivateKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: keys.publicKey, d: keys.privateKey },
    format: 'jwk',
  });
  return sign(null, data, key);
}

export function verifyEd25519(publicKey: string, data: Uint8Array, signature: Uint8Array): boolean {
  try {
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey }, format: 'jwk' });
    return verify(null, data, key, signature);
  } catch {
    return false;
  }
}

export const sha256 = (data: string | Uint8Array): Buffer => createHash('sha256').update(data).digest();

import { type Ed25519KeyPair, signEd25519, verifyEd25519 } from './keys.js';

// Compact JWS with EdDSA (RFC 8037), the VC-JWT encoding Open Badges 3.0 describes: the credential
// in the `vc` claim, with `iss`, `jti`, `sub`, `nbf`, `iat` and `exp` taken from it.

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function signJwt(header: Record<string, unknown>, payload: Record<string, unknown>, keys: Ed25519KeyPair) {
  const input = `${b64({ ...header, alg: 'EdDSA' })}.${b64(payload)}`;
  return `${input}.${Buffer.from(signEd25519(keys, Buffer.from(input))).toString('base64url')}`;
}

export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signingInput: string;
  signature: Uint8Array;
}

/** Splits and parses a compact JWS; null when it is not one. */
export function decodeJwt(token: string): DecodedJwt | null {
  const parts = token.trim().split('.');
  if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]*$/.test(part))) return null;
  try {
    const header = JSON.parse(Buffer.from(parts[0] as string, 'base64url').toString('utf8'));
    const payload = JSON.parse(Buffer.from(parts[1] as string, 'base64url').toString('utf8'));
    if (!isObject(header) || !isObject(payload)) return null;
    return {
      header,
      payload,
      signingInput: `${parts[0]}.${parts[1]}`,
      signature: Buffer.from(parts[2] as string, 'base64url'),
    };
  } catch {
    return null;
  }
}

export const verifyJwtSignature = (jwt: DecodedJwt, publicKey: string): boolean =>
  jwt.header.alg === 'EdDSA' && verifyEd25519(publicKey, Buffer.from(jwt.signingInput), jwt.signature);

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

import type { SigningKey } from './issuers.js';
import { signJwt } from './jwt.js';
import { addProof } from './proof.js';

/** A credential signed both ways: an `eddsa-rdfc-2022` Data Integrity proof, and as a VC-JWT. */
export async function signBoth(
  document: Record<string, unknown> & { id: string; validFrom: string },
  key: SigningKey,
  now: Date,
) {
  const ldp = await addProof(document, key.keys, key.verificationMethod, now);
  const validUntil = typeof document.validUntil === 'string' ? Date.parse(document.validUntil) / 1000 : undefined;
  const jwt = signJwt(
    { typ: 'JWT', kid: key.verificationMethod },
    {
      iss: key.did,
      jti: document.id,
      nbf: Math.floor(Date.parse(document.validFrom) / 1000),
      iat: Math.floor(now.getTime() / 1000),
      ...(validUntil ? { exp: Math.floor(validUntil) } : {}),
      vc: document,
    },
    key.keys,
  );
  return { ldp, jwt };
}

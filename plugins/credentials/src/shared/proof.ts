import jsonld from 'jsonld';
import { CONTEXTS } from './contexts.js';
import { base58btc, type Ed25519KeyPair, fromBase58btc, sha256, signEd25519, verifyEd25519 } from './keys.js';

// The W3C Data Integrity `eddsa-rdfc-2022` cryptosuite: RDFC-1.0 canonical N-Quads of the proof
// options and of the document, each hashed with SHA-256, the two hashes (options first) signed with
// Ed25519, the signature in base58btc multibase. Canonicalisation is `jsonld` (Digital Bazaar's
// reference implementation) with a static loader: an unknown context is an error, never a fetch.

export class UnknownContext extends Error {}

const documentLoader = async (url: string) => {
  const document = CONTEXTS[url];
  if (!document) throw new UnknownContext(`The context ${url} is not one this platform knows`);
  return { contextUrl: null, documentUrl: url, document };
};

/** RDFC-1.0 N-Quads; `safe` refuses terms the contexts do not define (they would be dropped silently). */
export const canonize = (document: unknown): Promise<string> =>
  jsonld.canonize(document, { algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader, safe: true });

export interface DataIntegrityProof {
  type: 'DataIntegrityProof';
  cryptosuite: 'eddsa-rdfc-2022';
  created: string;
  verificationMethod: string;
  proofPurpose: 'assertionMethod';
  proofValue: string;
}

async function hashData(document: Record<string, unknown>, options: Record<string, unknown>): Promise<Buffer> {
  const { proof: _proof, ...unsecured } = document;
  const config = { ...options, '@context': document['@context'] };
  return Buffer.concat([sha256(await canonize(config)), sha256(await canonize(unsecured))]);
}

export async function addProof<T extends Record<string, unknown>>(
  document: T,
  keys: Ed25519KeyPair,
  verificationMethod: string,
  created: Date,
): Promise<T & { proof: DataIntegrityProof }> {
  const options = {
    type: 'DataIntegrityProof' as const,
    cryptosuite: 'eddsa-rdfc-2022' as const,
    created: created.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    verificationMethod,
    proofPurpose: 'assertionMethod' as const,
  };
  const signature = signEd25519(keys, await hashData(document, options));
  return { ...document, proof: { ...options, proofValue: `z${base58btc(signature)}` } };
}

/** True when the proof's signature holds for `publicKey`; throws UnknownContext for a foreign context. */
export async function checkProof(document: Record<string, unknown>, proof: Record<string, unknown>, publicKey: string) {
  const { proofValue, ...options } = proof;
  if (typeof proofValue !== 'string' || !proofValue.startsWith('z')) return false;
  const signature = fromBase58btc(proofValue.slice(1));
  if (signature?.length !== 64) return false;
  return verifyEd25519(publicKey, await hashData(document, options), signature);
}

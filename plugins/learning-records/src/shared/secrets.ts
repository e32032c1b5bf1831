import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new credential's key (the Basic user name) and secret (the password): random, no `:` in either. */
export function newKeyAndSecret(): { key: string; secret: string } {
  return { key: randomBytes(12).toString('hex'), secret: randomBytes(24).toString('base64url') };
}

export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** Compares a presented secret with a stored hash in constant time. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

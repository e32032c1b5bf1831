import { createHash } from 'node:crypto';

/**
 * A UUID derived from a name (UUIDv8 layout over SHA-256): a need always yields the same escrow
 * and payout transfer ids, so a replayed or parallel accept replays instead of paying twice.
 */
export function derivedId(...parts: string[]): string {
  const hash = createHash('sha256')
    .update(`community:${parts.join(':')}`)
    .digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x80;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

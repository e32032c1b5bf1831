import { createHash } from 'node:crypto';

/**
 * A UUID derived from a name (UUIDv8 layout over SHA-256): the same business row always yields
 * the same ledger transfer ids, so a retried payment or settlement replays instead of posting twice.
 */
export function derivedId(...parts: string[]): string {
  const hash = createHash('sha256')
    .update(`teacher-development:${parts.join(':')}`)
    .digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x80;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

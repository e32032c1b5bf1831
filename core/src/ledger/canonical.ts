import { createHash } from 'node:crypto';
import type { TransferInput } from './types.js';

/** JSON with object keys sorted at every level: one byte string per value, for hashing. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    return typeof value === 'bigint' ? JSON.stringify(value.toString()) : (JSON.stringify(value) ?? 'null');
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The idempotency fingerprint of a request: absent fields and false flags count as absent, so
 * `{ flags: {} }` and no flags are the same request, through HTTP and the service API alike.
 */
export function requestHash(t: TransferInput): string {
  const flags = t.flags ?? {};
  return sha256Hex(
    canonicalJson({
      id: t.id,
      debitAccountId: t.debitAccountId,
      creditAccountId: t.creditAccountId,
      amount: t.amount,
      code: t.code,
      pending: flags.pending || undefined,
      postPending: flags.postPending || undefined,
      voidPending: flags.voidPending || undefined,
      linked: flags.linked || undefined,
      pendingId: t.pendingId,
      timeoutSeconds: t.timeoutSeconds || undefined,
      metadata: t.metadata ?? undefined,
    }),
  );
}

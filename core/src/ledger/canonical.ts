import { hash } from 'node:crypto';
import type { TransferInput } from './types.js';

/**
 * JSON with object keys sorted at every level (UTF-16 code unit order) and undefined members
 * left out: one byte string per value, for hashing. Stored hashes depend on these bytes, so the
 * encoding never changes (canonical.test.ts pins it). Written as loops over `Object.keys`
 * because it runs for every transfer of every batch and again when the transfer is sealed.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    return typeof value === 'bigint' ? JSON.stringify(value.toString()) : (JSON.stringify(value) ?? 'null');
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  for (const key of keys) {
    const member = record[key];
    if (member === undefined) continue;
    out += `${out.length === 1 ? '' : ','}${JSON.stringify(key)}:${canonicalJson(member)}`;
  }
  return `${out}}`;
}

/**
 * `canonicalJson` of an object whose members the caller lists with their keys in sorted order
 * (plain ASCII keys): the same bytes, without building the object and sorting its keys. Used
 * for the fixed shapes hashed once per transfer.
 */
export function canonicalMembers(members: readonly (readonly [key: string, value: unknown])[]): string {
  let out = '{';
  for (const [key, value] of members) {
    if (value === undefined) continue;
    out += `${out.length === 1 ? '' : ','}"${key}":${canonicalJson(value)}`;
  }
  return `${out}}`;
}

export function sha256Hex(text: string): string {
  // One-shot: no Hash object per call (thousands per batch).
  return hash('sha256', text, 'hex');
}

/**
 * The idempotency fingerprint of a request: absent fields and false flags count as absent, so
 * `{ flags: {} }` and no flags are the same request, through HTTP and the service API alike.
 */
export function requestHash(t: TransferInput): string {
  const flags = t.flags ?? {};
  return sha256Hex(
    canonicalMembers([
      ['amount', t.amount],
      ['code', t.code],
      ['creditAccountId', t.creditAccountId],
      ['debitAccountId', t.debitAccountId],
      ['id', t.id],
      ['linked', flags.linked || undefined],
      ['metadata', t.metadata ?? undefined],
      ['pending', flags.pending || undefined],
      ['pendingId', t.pendingId],
      ['postPending', flags.postPending || undefined],
      ['timeoutSeconds', t.timeoutSeconds || undefined],
      ['voidPending', flags.voidPending || undefined],
    ]),
  );
}

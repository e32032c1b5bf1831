import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, requestHash } from './canonical.js';
import { type TransferLeafRow, transferLeaf } from './seal.js';
import type { TransferInput } from './types.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The definition the stored hashes were made with: entries filtered, sorted, joined. */
function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    return typeof value === 'bigint' ? JSON.stringify(value.toString()) : (JSON.stringify(value) ?? 'null');
  }
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(',')}}`;
}

const json = fc.jsonValue({ maxDepth: 3 });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

describe('canonicalJson', () => {
  it('encodes every value exactly as the reference definition does', () => {
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(
        fc.string(),
        fc.integer(),
        fc.double(),
        fc.boolean(),
        fc.constant(null),
        fc.constant(undefined),
        fc.bigInt(),
      ),
      node: fc.oneof(
        { depthSize: 'small' },
        tie('leaf'),
        fc.array(tie('node')),
        fc.dictionary(fc.string(), tie('node')),
      ),
    })).node;
    fc.assert(
      fc.property(value, (v) => canonicalJson(v) === reference(v)),
      { numRuns: 500 },
    );
  });

  it('fingerprints transfers exactly as the object encoding did', () => {
    const transfer = fc.record({
      id: fc.uuid(),
      debitAccountId: maybe(fc.uuid()),
      creditAccountId: maybe(fc.uuid()),
      amount: maybe(fc.bigInt({ min: -1n, max: 2n ** 64n })),
      code: fc.integer(),
      flags: maybe(
        fc.record({
          pending: maybe(fc.boolean()),
          postPending: maybe(fc.boolean()),
          voidPending: maybe(fc.boolean()),
          linked: maybe(fc.boolean()),
        }),
      ),
      pendingId: maybe(fc.uuid()),
      timeoutSeconds: maybe(fc.integer({ min: 0 })),
      metadata: maybe(json),
    });
    fc.assert(
      fc.property(transfer, (t) => {
        const flags: NonNullable<TransferInput['flags']> = t.flags ?? {};
        const expected = sha256(
          reference({
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
        return requestHash(t as TransferInput) === expected;
      }),
      { numRuns: 300 },
    );
  });

  it('makes block leaves exactly as the object encoding did', () => {
    const row = fc.record({
      seq: fc.bigInt({ min: 1n, max: 2n ** 62n }).map(String),
      id: fc.uuid(),
      debit_account_id: fc.uuid(),
      credit_account_id: fc.uuid(),
      amount: fc.bigInt({ min: 1n, max: 2n ** 63n - 1n }).map(String),
      asset: fc.stringMatching(/^[A-Z][A-Z0-9_]{0,15}$/),
      code: fc.integer({ min: 1, max: 65535 }),
      kind: fc.constantFrom('posted', 'pending', 'post', 'void'),
      linked: fc.boolean(),
      pending_id: fc.option(fc.uuid(), { nil: null }),
      timeout_seconds: fc.nat(),
      metadata: fc.option(json, { nil: null }),
      request_hash: fc.stringMatching(/^[0-9a-f]{64}$/),
      created_us: fc.bigInt({ min: 0n, max: 2n ** 53n }).map(String),
    });
    fc.assert(
      fc.property(row, (r: TransferLeafRow) => {
        const expected = sha256(
          reference({
            seq: String(r.seq),
            id: r.id,
            debitAccountId: r.debit_account_id,
            creditAccountId: r.credit_account_id,
            amount: String(r.amount),
            asset: r.asset,
            code: r.code,
            kind: r.kind,
            linked: r.linked,
            pendingId: r.pending_id,
            timeoutSeconds: r.timeout_seconds,
            metadata: r.metadata ?? null,
            requestHash: r.request_hash,
            createdAtMicros: String(r.created_us),
          }),
        );
        return transferLeaf(r) === expected;
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the bytes of a known transfer fingerprint', () => {
    // Pinned: a change here would make every stored transfer look different from its replay.
    const hash = requestHash({
      id: '0190a8d4-6a1e-7c3b-9f00-000000000001',
      debitAccountId: '0190a8d4-6a1e-7c3b-9f00-000000000002',
      creditAccountId: '0190a8d4-6a1e-7c3b-9f00-000000000003',
      amount: 100n,
      code: 7,
      flags: { linked: true },
      metadata: { b: [1, { z: null, a: 'é' }], a: true },
    });
    expect(canonicalJson({ b: [1, { z: null, a: 'é' }], a: true, u: undefined })).toBe(
      '{"a":true,"b":[1,{"a":"é","z":null}]}',
    );
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(HASH_BEFORE_REWRITE);
  });
});

// requestHash of the transfer above, computed with the encoding as first released.
const HASH_BEFORE_REWRITE = 'fffb75aaba6e295d9486e2bf1ae438157743ac12643df9b6b465a2e80f74c31c';

import { describe, expect, it } from 'vitest';
import { openAnswer, sealAnswer } from './idempotency-seal.js';

const answer = { token: 'share-token-abc', path: '/v1/credit-bank/shared-transcripts/share-token-abc' };

describe('sealed idempotency answers', () => {
  it('hold neither the answer nor the key in the clear, and open with the same key and owner', () => {
    const sealed = sealAnswer('person:1', 'key-1', answer);
    const stored = JSON.stringify(sealed);
    expect(stored).not.toContain('share-token-abc');
    expect(stored).not.toContain('key-1');
    expect(openAnswer('person:1', 'key-1', sealed)).toEqual(answer);
  });

  it('do not open for another key or another owner', () => {
    const sealed = sealAnswer('person:1', 'key-1', answer);
    expect(() => openAnswer('person:1', 'key-2', sealed)).toThrow();
    expect(() => openAnswer('person:2', 'key-1', sealed)).toThrow();
  });

  it('store no body as null, and pass answers stored before sealing through unchanged', () => {
    expect(sealAnswer('person:1', 'key-1', undefined)).toBeNull();
    expect(openAnswer('person:1', 'key-1', null)).toBeNull();
    expect(openAnswer('person:1', 'key-1', { legacy: true })).toEqual({ legacy: true });
  });
});

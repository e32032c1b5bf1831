import { describe, expect, it } from 'vitest';
import { applyMergePatch } from './merge-patch.js';

describe('applyMergePatch (RFC 7396)', () => {
  // RFC 7396, Appendix A: original, patch, result.
  const examples: [unknown, unknown, unknown][] = [
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [
      ['a', 'b'],
      ['c', 'd'],
      ['c', 'd'],
    ],
    [{ a: 'b' }, ['c'], ['c']],
    [{ a: 'foo' }, null, null],
    [{ a: 'foo' }, 'bar', 'bar'],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ];
  it.each(examples)('patches %j with %j into %j', (original, patch, result) => {
    expect(applyMergePatch(original, patch)).toEqual(result);
  });

  it('changes neither argument and shares no objects with them', () => {
    const target = { a: { b: 1 }, list: [1] };
    const patch = { a: { c: { d: 2 } } };
    const merged = applyMergePatch(target, patch) as { a: { b: number; c: { d: number } }; list: number[] };
    expect(target).toEqual({ a: { b: 1 }, list: [1] });
    expect(patch).toEqual({ a: { c: { d: 2 } } });
    merged.a.c.d = 3;
    merged.list.push(2);
    expect(patch.a.c.d).toBe(2);
    expect(target.list).toEqual([1]);
  });

  it('keeps an empty patch a no-op', () => {
    expect(applyMergePatch({ a: 1, b: { c: 2 } }, {})).toEqual({ a: 1, b: { c: 2 } });
  });
});

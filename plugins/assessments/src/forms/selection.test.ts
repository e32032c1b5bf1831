import { describe, expect, it } from 'vitest';
import { drawItems } from './selection.js';

const ids = Array.from({ length: 40 }, (_, i) => `0190a0b0-0000-7000-8000-${String(i).padStart(12, '0')}`);

describe('a seeded draw', () => {
  it('is the same for the same seed, whatever order the candidates come in', () => {
    const first = drawItems(ids, 10, 'spring-2026');
    expect(drawItems([...ids].reverse(), 10, 'spring-2026')).toEqual(first);
    expect(new Set(first).size).toBe(10);
    for (const id of first) expect(ids).toContain(id);
  });

  it('differs between seeds, and a shorter draw is a prefix of a longer one', () => {
    const a = drawItems(ids, 10, 'a');
    expect(drawItems(ids, 10, 'b')).not.toEqual(a);
    expect(drawItems(ids, 5, 'a')).toEqual(a.slice(0, 5));
  });

  it('reaches every candidate over many seeds (no position is stuck)', () => {
    const seen = new Set<string>();
    for (let s = 0; s < 200; s++) for (const id of drawItems(ids, 3, `seed-${s}`)) seen.add(id);
    expect(seen.size).toBe(ids.length);
  });
});

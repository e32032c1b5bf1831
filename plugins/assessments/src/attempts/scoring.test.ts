import { describe, expect, it } from 'vitest';
import type { ItemInput } from '../shared/items.js';
import { scoreItem, total } from './scoring.js';

// Property-style checks of the scoring rules (docs/plugins/assessments.md, "Scoring"): many
// generated cases from a small deterministic generator, so a failure is reproducible.

function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 2 ** 32;
  };
}

const numeric = (value: number, tolerance: number, points = 1): ItemInput => ({
  kind: 'numeric',
  prompt: 'n',
  points,
  key: { value, tolerance },
});

const options = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `o${i}`, text: `option ${i}` }));

describe('numeric items', () => {
  it('score within the tolerance (inclusive) and nothing outside it', () => {
    const random = generator(7);
    for (let run = 0; run < 500; run++) {
      const value = Math.round((random() * 2000 - 1000) * 100) / 100;
      const tolerance = Math.round(random() * 50) / 10;
      const inside = value + (random() * 2 - 1) * tolerance;
      const outside = value + (random() < 0.5 ? -1 : 1) * (tolerance + 0.01 + random());
      expect(scoreItem(numeric(value, tolerance), { number: inside }).earnedMilli).toBe(1000);
      expect(scoreItem(numeric(value, tolerance), { number: value + tolerance }).earnedMilli).toBe(1000);
      expect(scoreItem(numeric(value, tolerance), { number: outside }).earnedMilli).toBe(0);
    }
  });

  it('absorb floating point error but nothing more', () => {
    expect(scoreItem(numeric(0.3, 0), { number: 0.1 + 0.2 }).earnedMilli).toBe(1000);
    expect(scoreItem(numeric(0.3, 0), { number: 0.3001 }).earnedMilli).toBe(0);
  });

  it('give nothing for a response of another shape or none', () => {
    expect(scoreItem(numeric(1, 0), { text: '1' }).earnedMilli).toBe(0);
    expect(scoreItem(numeric(1, 0), null).earnedMilli).toBe(0);
  });
});

describe('multiple choice', () => {
  it('all or nothing: full points only for exactly the correct set', () => {
    const random = generator(11);
    for (let run = 0; run < 300; run++) {
      const n = 2 + Math.floor(random() * 8);
      const all = options(n).map((o) => o.id);
      const correct = all.filter(() => random() < 0.5);
      if (correct.length === 0) correct.push('o0');
      const picked = all.filter(() => random() < 0.5);
      const item: ItemInput = {
        kind: 'multipleChoice',
        prompt: 'm',
        points: 3,
        options: options(n),
        key: { correctOptionIds: correct },
      };
      const exact = picked.length === correct.length && picked.every((id) => correct.includes(id));
      expect(scoreItem(item, { optionIds: picked }).earnedMilli).toBe(exact ? 3000 : 0);
      expect(scoreItem(item, { optionIds: [...correct].reverse() }).earnedMilli).toBe(3000);
    }
  });

  it('partial: (right − wrong) / correct, never below zero, rounded down in thousandths', () => {
    const random = generator(13);
    for (let run = 0; run < 300; run++) {
      const n = 2 + Math.floor(random() * 8);
      const all = options(n).map((o) => o.id);
      const correct = all.filter(() => random() < 0.5);
      if (correct.length === 0) correct.push('o0');
      const picked = all.filter(() => random() < 0.5);
      const right = picked.filter((id) => correct.includes(id)).length;
      const wrong = picked.length - right;
      const item: ItemInput = {
        kind: 'multipleChoice',
        prompt: 'm',
        points: 2,
        scoring: 'partial',
        options: options(n),
        key: { correctOptionIds: correct },
      };
      const earned = scoreItem(item, { optionIds: picked }).earnedMilli;
      expect(earned).toBe(Math.floor((2000 * Math.max(0, right - wrong)) / correct.length));
      expect(earned).toBeGreaterThanOrEqual(0);
      expect(earned).toBeLessThanOrEqual(2000);
    }
    const thirds: ItemInput = {
      kind: 'multipleChoice',
      prompt: 'm',
      scoring: 'partial',
      options: options(4),
      key: { correctOptionIds: ['o0', 'o1', 'o2'] },
    };
    expect(scoreItem(thirds, { optionIds: ['o0'] }).earnedMilli).toBe(333);
    expect(scoreItem(thirds, { optionIds: ['o0', 'o1', 'o3'] }).earnedMilli).toBe(333);
    expect(scoreItem(thirds, { optionIds: ['o0', 'o3'] }).earnedMilli).toBe(0);
  });
});

describe('ordering', () => {
  const key = ['a', 'b', 'c', 'd'];
  const item = (scoring?: 'partial' | 'allOrNothing'): ItemInput => ({
    kind: 'ordering',
    prompt: 'o',
    points: 4,
    ...(scoring ? { scoring } : {}),
    options: key.map((id) => ({ id, text: id })),
    key: { correctOrder: key },
  });

  it('all or nothing by default: only the exact order scores', () => {
    expect(scoreItem(item(), { order: key }).earnedMilli).toBe(4000);
    expect(scoreItem(item(), { order: ['a', 'b', 'd', 'c'] }).earnedMilli).toBe(0);
  });

  it('partial: the share of positions in place, for every permutation', () => {
    const permutations = (list: string[]): string[][] =>
      list.length <= 1
        ? [list]
        : list.flatMap((x, i) => permutations(list.filter((_, j) => j !== i)).map((p) => [x, ...p]));
    for (const order of permutations(key)) {
      const inPlace = order.filter((id, i) => key[i] === id).length;
      expect(scoreItem(item('partial'), { order }).earnedMilli).toBe(inPlace * 1000);
    }
  });
});

describe('short answers', () => {
  const item: ItemInput = {
    kind: 'shortAnswer',
    prompt: 's',
    key: { acceptedAnswers: ['New  York', 'NYC'] },
  };
  it.each([
    ['new york', 1000],
    ['  NEW YORK ', 1000],
    ['New\tYork', 1000],
    ['ｎｙｃ', 1000],
    ['newyork', 0],
    ['', 0],
    ['   ', 0],
  ])('%j earns %i', (text, earned) => {
    expect(scoreItem(item, { text }).earnedMilli).toBe(earned);
  });
});

describe('the attempt total', () => {
  it('passes exactly at the pass mark and not a thousandth below', () => {
    expect(total([{ earnedMilli: 600, maxMilli: 1000 }], 60)).toMatchObject({ passed: true, scoreBasisPoints: 6000 });
    expect(total([{ earnedMilli: 599, maxMilli: 1000 }], 60)).toMatchObject({ passed: false, scoreBasisPoints: 5990 });
    expect(total([{ earnedMilli: 2000, maxMilli: 3000 }], 67)).toMatchObject({ passed: false, scoreBasisPoints: 6666 });
    expect(total([{ earnedMilli: 0, maxMilli: 1000 }], 0)).toMatchObject({ passed: true });
  });
});

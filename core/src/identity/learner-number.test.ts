import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mod11_2CheckChar } from './iso7064.js';
import { generateLearnerNumber, isValidLearnerNumber } from './learner-number.js';

const digits = '0123456789';

describe('learner numbers', () => {
  it('are 15 digits without a leading zero plus a valid check character', () => {
    for (let i = 0; i < 1000; i++) {
      const number = generateLearnerNumber();
      expect(number).toMatch(/^[1-9]\d{14}[\dX]$/);
      expect(isValidLearnerNumber(number)).toBe(true);
    }
  });

  it('computes the ISO 7064 MOD 11-2 check character of the published example', () => {
    // GB 11643-1999's example resident ID 11010519491231002X.
    expect(mod11_2CheckChar('11010519491231002')).toBe('X');
  });

  it('catches every single-character substitution', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 1, max: 10 }), (position, shift) => {
        const number = generateLearnerNumber();
        const alphabet = position === 15 ? `${digits}X` : digits;
        const original = number[position] as string;
        const replacement = alphabet[(alphabet.indexOf(original) + shift) % alphabet.length] as string;
        fc.pre(replacement !== original);
        const typo = number.slice(0, position) + replacement + number.slice(position + 1);
        expect(isValidLearnerNumber(typo)).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  it('catches every transposition of adjacent characters', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 14 }), () => {
        const number = generateLearnerNumber();
        for (let i = 0; i < 15; i++) {
          if (number[i] === number[i + 1]) continue;
          const swapped = number.slice(0, i) + number[i + 1] + number[i] + number.slice(i + 2);
          expect(isValidLearnerNumber(swapped), `${number} → ${swapped}`).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('does not collide in a million draws', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 1_000_000; i++) seen.add(generateLearnerNumber());
    expect(seen.size).toBe(1_000_000);
  });
});

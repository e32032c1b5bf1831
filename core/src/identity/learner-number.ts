import { randomInt } from 'node:crypto';
import { hasValidMod11_2, mod11_2CheckChar } from './iso7064.js';

import { LEARNER_NUMBER_PATTERN } from './learner-number-pattern.js';

export { LEARNER_NUMBER_PATTERN };

const PATTERN = new RegExp(LEARNER_NUMBER_PATTERN);

/**
 * A new lifelong learner number: random, not sequential (numbers reveal nothing about when or
 * where someone registered), with a check character that catches typos before any lookup. The
 * space (9 × 10^14) keeps collisions rare; the database's unique index catches the rest.
 */
export function generateLearnerNumber(): string {
  // randomInt's range is limited to 2^48, so draw the 15 digits in two parts.
  const body = `${randomInt(1, 10)}${String(randomInt(0, 10 ** 7)).padStart(7, '0')}${String(randomInt(0, 10 ** 7)).padStart(7, '0')}`;
  return `${body}${mod11_2CheckChar(body)}`;
}

/** True for a well-formed learner number whose check character matches. */
export function isValidLearnerNumber(value: string): boolean {
  return PATTERN.test(value) && hasValidMod11_2(value);
}

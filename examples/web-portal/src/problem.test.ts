import { describe, expect, it } from 'vitest';
import { formatScaled } from './problem.js';

describe('formatScaled', () => {
  it('places the decimal point by the scale, without floating point', () => {
    expect(formatScaled('15', 1, 'en')).toBe('1.5');
    expect(formatScaled('5', 1, 'en')).toBe('0.5');
    expect(formatScaled('0', 1, 'en')).toBe('0.0');
    expect(formatScaled('-30', 1, 'en')).toBe('-3.0');
    expect(formatScaled('123456789012345678901', 0, 'en')).toBe('123,456,789,012,345,678,901');
  });
});

import { expect, it } from 'vitest';
import { normalizeIsbn } from './isbn.js';

it('accepts ISBN-13 and ISBN-10 with a right check digit, hyphenated or not, and nothing else', () => {
  expect(normalizeIsbn('978-3-16-148410-0')).toBe('9783161484100');
  expect(normalizeIsbn('9780306406157')).toBe('9780306406157');
  expect(normalizeIsbn('0-306-40615-2')).toBe('0306406152');
  expect(normalizeIsbn('0-8044-2957-X')).toBe('080442957X');
  expect(normalizeIsbn('978-3-16-148410-1')).toBeNull();
  expect(normalizeIsbn('0-306-40615-3')).toBeNull();
  expect(normalizeIsbn('123-4-56-789012-3')).toBeNull();
  expect(normalizeIsbn('hello')).toBeNull();
});

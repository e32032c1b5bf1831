import { randomInt } from 'node:crypto';
import { mod11_2CheckChar } from '../identity/iso7064.js';

/**
 * A valid Chinese resident ID number for a date of birth (random area code and sequence), for
 * tests and examples: never a real person's number by design, only by chance.
 */
export function testNationalId(dateOfBirth: string): string {
  const area = String(randomInt(110000, 660000));
  const sequence = String(randomInt(0, 1000)).padStart(3, '0');
  const body = `${area}${dateOfBirth.replaceAll('-', '')}${sequence}`;
  return `${body}${mod11_2CheckChar(body)}`;
}

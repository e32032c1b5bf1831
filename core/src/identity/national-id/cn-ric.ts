import { isRealDate } from '../../time/dates.js';
import { hasValidMod11_2 } from '../iso7064.js';
import type { NationalIdScheme } from './scheme.js';

/**
 * The Chinese resident identity card number (GB 11643-1999): 6-digit area code, 8-digit date
 * of birth, 3-digit sequence, ISO 7064 MOD 11-2 check character.
 */
export const cnResidentId: NationalIdScheme = {
  id: 'CN-RIC',
  normalize: (number) => number.replace(/[\s-]/g, '').toUpperCase(),
  validate(number) {
    if (!/^\d{17}[\dX]$/.test(number)) return ['Must be 17 digits followed by a digit or X'];
    if (number.startsWith('0')) return ['The area code is not valid'];
    const birth = `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`;
    if (!isRealDate(birth)) return ['The encoded date of birth is not a real date'];
    if (!hasValidMod11_2(number)) return ['The check character does not match'];
    return [];
  },
  dateOfBirth: (number) => `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`,
  mask: (number) => `${number.slice(0, 6)}********${number.slice(14)}`,
};

/**
 * ISO 7064 MOD 11-2: a check character (0–9 or X) over decimal digits. It detects every
 * single-digit substitution and every transposition of adjacent characters, which is why the
 * Chinese resident ID uses it and why learner numbers use it too.
 */
export function mod11_2CheckChar(digits: string): string {
  let sum = 0;
  for (const char of digits) {
    sum = ((sum + Number(char)) * 2) % 11;
  }
  const check = (12 - sum) % 11;
  return check === 10 ? 'X' : String(check);
}

/** True when the last character is the MOD 11-2 check character of the digits before it. */
export function hasValidMod11_2(value: string): boolean {
  return /^\d+[\dX]$/.test(value) && mod11_2CheckChar(value.slice(0, -1)) === value.slice(-1);
}

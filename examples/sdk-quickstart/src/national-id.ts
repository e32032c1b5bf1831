import { randomInt } from 'node:crypto';

/** ISO 7064 MOD 11-2 check character, as the Chinese resident ID (CN-RIC) uses. */
function mod11_2CheckChar(digits: string): string {
  let sum = 0;
  for (const char of digits) sum = ((sum + Number(char)) * 2) % 11;
  const check = (12 - sum) % 11;
  return check === 10 ? 'X' : String(check);
}

/** A valid-looking CN-RIC number for a date of birth: random area code and sequence. For demos only. */
export function demoNationalId(dateOfBirth: string): string {
  const area = String(randomInt(110000, 660000));
  const sequence = String(randomInt(0, 1000)).padStart(3, '0');
  const body = `${area}${dateOfBirth.replaceAll('-', '')}${sequence}`;
  return `${body}${mod11_2CheckChar(body)}`;
}

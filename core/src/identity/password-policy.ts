// Passwords people actually choose that are long enough for the length rule (10 characters) and
// still guessed first: compiled from public most-common-password lists (facts, not code). Kept
// small on purpose: the sequence and repetition rules below catch the families these come from.
const COMMON = new Set([
  '1234567890',
  '0987654321',
  '12345678910',
  '123456789a',
  'a123456789',
  '1q2w3e4r5t',
  '1q2w3e4r5t6y',
  'q1w2e3r4t5',
  'qwertyuiop',
  'qwerty1234',
  'qwerty12345',
  '1234qwerty',
  'asdfghjkl1',
  'zxcvbnm123',
  'password12',
  'password123',
  'password1234',
  'password!1',
  'passw0rd123',
  'p@ssword123',
  'p@ssw0rd123',
  'iloveyou12',
  'iloveyou123',
  'woaini1314',
  'woaini520',
  'wo123456789',
  '5201314520',
  '1314520520',
  'aa123456789',
  'abc1234567',
  'abcd123456',
  'abcdefghij',
  'qazwsxedc1',
  'qazwsxedcrfv',
  '1qaz2wsx3edc',
  'zaq12wsxcde3',
  'welcome123',
  'admin12345',
  'administrator',
  'letmein123',
  'football123',
  'baseball123',
  'dragon1234',
  'monkey1234',
  'sunshine12',
  'princess12',
  'superman123',
  'changeme123',
  'trustno1234',
  'computer123',
  'lifelong123',
  'lifelonglearning',
]);

const KEYBOARD_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'abcdefghijklmnopqrstuvwxyz'];

/** True for runs like `abcdefghij`, `9876543210` or `qwertyuiop` (forwards or backwards, wrapping not). */
function isSequence(password: string): boolean {
  return KEYBOARD_ROWS.some((row) => row.includes(password) || [...row].reverse().join('').includes(password));
}

export interface PasswordRuleBreak {
  rule: 'common' | 'sequence' | 'repeated' | 'personal';
  message: string;
}

/**
 * The password policy beyond the schema's length (docs/identity.md): not a well-known password,
 * not a keyboard or alphabet run, not one character or a two-character pattern repeated, and not
 * built from the person's own identifiers. `personal` holds what must not appear (a learner
 * number, a national ID number); case, spaces and separators are ignored in every comparison.
 */
export function passwordRuleBreak(password: string, personal: readonly string[] = []): PasswordRuleBreak | null {
  const plain = password
    .normalize('NFKC')
    .toLowerCase()
    .replaceAll(/[\s._-]/g, '');
  if (COMMON.has(plain)) return { rule: 'common', message: 'Is one of the most common passwords' };
  if (isSequence(plain)) return { rule: 'sequence', message: 'Is a keyboard or alphabet run' };
  if (/^(.{1,2})\1+$/u.test(plain)) return { rule: 'repeated', message: 'Repeats one or two characters' };
  for (const value of personal) {
    const id = value.toLowerCase().replaceAll(/[\s._-]/g, '');
    if (id.length >= 6 && plain.includes(id)) {
      return { rule: 'personal', message: 'Contains your learner number or ID number' };
    }
  }
  return null;
}

/**
 * The ISBN without hyphens or spaces when its check digit is right (ISBN-13, or ISBN-10 with a
 * final X), else null.
 */
export function normalizeIsbn(input: string): string | null {
  const isbn = input.replace(/[-\s]/g, '').toUpperCase();
  if (/^97[89]\d{10}$/.test(isbn)) {
    const sum = [...isbn].reduce((acc, ch, i) => acc + Number(ch) * (i % 2 === 0 ? 1 : 3), 0);
    return sum % 10 === 0 ? isbn : null;
  }
  if (/^\d{9}[\dX]$/.test(isbn)) {
    const sum = [...isbn].reduce((acc, ch, i) => acc + (ch === 'X' ? 10 : Number(ch)) * (10 - i), 0);
    return sum % 11 === 0 ? isbn : null;
  }
  return null;
}

/**
 * A short answer as it is compared: Unicode NFKC (full-width letters and digits become their
 * ASCII forms), trimmed, inner white space collapsed to one space, lower case.
 */
export function normaliseAnswer(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

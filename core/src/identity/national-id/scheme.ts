import type { FieldError } from '../../errors/lifelong-error.js';

/**
 * A national ID scheme (one per country or document kind). Schemes validate and normalise the
 * number and say how to mask it; the platform stores only a keyed hash and a ciphertext.
 */
export interface NationalIdScheme {
  /** e.g. `CN-RIC` (Chinese resident identity card). */
  id: string;
  /** Canonical form: the form that is hashed for the one-person-one-number check. */
  normalize(number: string): string;
  /** Problems with the number, as messages for `/body/nationalId/number`; empty when valid. */
  validate(normalized: string): string[];
  /** The date of birth the number encodes, when it encodes one (`YYYY-MM-DD`). */
  dateOfBirth?(normalized: string): string | undefined;
  /** What responses show, e.g. `110105********002X`. */
  mask(normalized: string): string;
}

export type NationalIdSchemes = ReadonlyMap<string, NationalIdScheme>;

/** Validation errors for a national ID, with paths into the request body. */
export function nationalIdErrors(
  schemes: NationalIdSchemes,
  nationalId: { scheme: string; number: string },
  dateOfBirth: string,
): FieldError[] {
  const scheme = schemes.get(nationalId.scheme);
  if (!scheme) {
    return [
      {
        path: '/body/nationalId/scheme',
        rule: 'scheme',
        message: `Unknown scheme; known: ${[...schemes.keys()].join(', ')}`,
      },
    ];
  }
  const normalized = scheme.normalize(nationalId.number);
  const problems = scheme.validate(normalized);
  if (problems.length > 0) {
    return problems.map((message) => ({ path: '/body/nationalId/number', rule: 'nationalId', message }));
  }
  const encoded = scheme.dateOfBirth?.(normalized);
  if (encoded && encoded !== dateOfBirth) {
    return [
      {
        path: '/body/dateOfBirth',
        rule: 'matchesNationalId',
        message: 'Does not match the date of birth encoded in the national ID',
      },
    ];
  }
  return [];
}

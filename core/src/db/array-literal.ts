/**
 * PostgreSQL array literals (`{a,b,NULL}`), for passing a column of values as one text
 * parameter (`unnest($1::uuid[], $2::bigint[], …)`): cheaper to build and to parse than JSON
 * rows, and the statement's text does not depend on the number of rows.
 */

function arrayLiteral<T>(values: readonly (T | null)[], encode: (value: T) => string): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    out += `${i === 0 ? '' : ','}${value === null || value === undefined ? 'NULL' : encode(value)}`;
  }
  return `${out}}`;
}

/** Values that never need quoting: UUIDs, integers, booleans. */
export function plainArray(values: readonly (string | number | bigint | boolean | null)[]): string {
  return arrayLiteral(values, String);
}

/** Any text: every element quoted (so `NULL` the word stays a word), `"` and `\` escaped. */
export function textArray(values: readonly (string | null)[]): string {
  return arrayLiteral(values, (value) => `"${value.replace(/["\\]/g, '\\$&')}"`);
}

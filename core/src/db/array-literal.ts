/**
 * PostgreSQL array literals (`{a,b,NULL}`), for passing a column of values as one text
 * parameter (`unnest($1::uuid[], $2::bigint[], …)`): cheaper to build and to parse than JSON
 * rows, and the statement's text does not depend on the number of rows.
 */

/** Values that never need quoting: UUIDs, integers, booleans. */
export function plainArray(values: readonly (string | number | bigint | boolean | null)[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    out += `${i === 0 ? '' : ','}${value === null || value === undefined ? 'NULL' : String(value)}`;
  }
  return `${out}}`;
}

/** Any text: every element quoted (so `NULL` the word stays a word), `"` and `\` escaped. */
export function textArray(values: readonly (string | null)[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    out += `${i === 0 ? '' : ','}${value === null || value === undefined ? 'NULL' : `"${value.replace(/["\\]/g, '\\$&')}"`}`;
  }
  return `${out}}`;
}

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/test-database.js';
import { plainArray, textArray } from './array-literal.js';
import { type DatabaseHandle, resultRows } from './database.js';

describe('array literals', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('round-trip through PostgreSQL, NULLs, quotes, backslashes and the word NULL included', async () => {
    const texts = ['plain', 'NULL', null, 'with "quotes"', 'back\\slash', '{"json": [1, 2]}', '', ' spaced ', 'é,}'];
    const numbers = [1n, -9223372036854775807n, null, 0n];
    const rows = resultRows<{ t: string | null; n: string | null; b: boolean | null }>(
      await database.db.execute(sql`
        select t, n::text as n, b
        from unnest(${textArray(texts)}::text[], ${plainArray(numbers)}::bigint[], ${plainArray([true, false, null])}::boolean[])
          as x(t, n, b)`),
    );
    expect(rows.map((r) => r.t)).toEqual(texts);
    expect(rows.slice(0, 4).map((r) => r.n)).toEqual(['1', '-9223372036854775807', null, '0']);
    expect(rows.slice(0, 3).map((r) => r.b)).toEqual([true, false, null]);
  });

  it('are empty arrays for no values', () => {
    expect(plainArray([])).toBe('{}');
    expect(textArray([])).toBe('{}');
  });
});

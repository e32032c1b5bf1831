import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase, resultRows } from './database.js';
import { MAX_PREPARED_PARAMETERS } from './prefer-prepared.js';

// Prepared statements are a postgres.js matter: PGlite runs in-process and has no round trips.
describe.runIf(process.env.DATABASE_URL)('drizzle queries on PostgreSQL (PostgreSQL only)', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    // One connection, so the session that prepared a statement is the one asked about it.
    database = await openDatabase({ url: process.env.DATABASE_URL, maxConnections: 1 });
  });
  afterAll(() => database.close());

  const preparedCount = async (marker: string, q = database.db) =>
    Number(
      resultRows<{ n: string }>(
        await q.execute(
          sql`select count(*)::text as n from pg_prepared_statements where statement like ${`%${marker}%`} and statement not like '%pg_prepared_statements%'`,
        ),
      )[0]?.n,
    );

  it('prepares a parameterised query once per connection and reuses it', async () => {
    const marker = `m${Date.now()}a`;
    for (const value of [1, 2, 3]) {
      const rows = resultRows(await database.db.execute(sql`select ${value}::int as ${sql.raw(marker)}`));
      expect(Object.values(rows[0] ?? {})).toEqual([value]);
    }
    expect(await preparedCount(marker)).toBe(1);
  });

  it('prepares inside transactions too', async () => {
    const marker = `m${Date.now()}b`;
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`select ${1}::int as ${sql.raw(marker)}`);
      expect(await preparedCount(marker, tx)).toBe(1);
    });
  });

  it(`leaves statements with more than ${MAX_PREPARED_PARAMETERS} parameters unnamed`, async () => {
    const marker = `m${Date.now()}c`;
    const values = Array.from({ length: MAX_PREPARED_PARAMETERS + 1 }, (_, i) => sql`${i}::int`);
    const rows = resultRows(
      await database.db.execute(sql`select ${sql.join(values, sql`, `)}, 1 as ${sql.raw(marker)}`),
    );
    expect(rows).toHaveLength(1);
    expect(await preparedCount(marker)).toBe(0);
  });

  it('plans every execution (prepared to save round trips, not to reuse generic plans)', async () => {
    const [row] = resultRows<{ plan_cache_mode: string }>(await database.db.execute(sql`show plan_cache_mode`));
    expect(row?.plan_cache_mode).toBe('force_custom_plan');
  });
});

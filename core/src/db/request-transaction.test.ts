import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/index.js';
import type { DatabaseHandle } from './database.js';
import { resultRows } from './database.js';
import { requestTransaction, runInRequestScope } from './request-transaction.js';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.execute(sql`create table retry_probe (id text primary key)`);
});
afterAll(() => database.close());

const count = async (id: string) =>
  resultRows(await database.db.execute(sql`select 1 from retry_probe where id = ${id}`)).length;
const fail = (state: string) => sql.raw(`do $$ begin raise exception 'injected' using errcode = '${state}'; end $$`);

describe('requestTransaction', () => {
  it('runs the function again from the start after a serialization failure or a deadlock', async () => {
    for (const state of ['40001', '40P01']) {
      let runs = 0;
      const result = await requestTransaction(database.db, async (tx) => {
        runs++;
        await tx.execute(sql`insert into retry_probe (id) values (${`${state}-${runs}`})`);
        if (runs === 1) await tx.execute(fail(state));
        return runs;
      });
      expect(result).toBe(2);
      expect(await count(`${state}-1`)).toBe(0);
      expect(await count(`${state}-2`)).toBe(1);
    }
  });

  it('does not retry other failures', async () => {
    let runs = 0;
    await expect(
      requestTransaction(database.db, async (tx) => {
        runs++;
        await tx.execute(fail('23505'));
      }),
    ).rejects.toThrow();
    expect(runs).toBe(1);
  });

  it('refuses to commit once its request has timed out', async () => {
    const scope = { timedOut: false, committing: 0 };
    const run = runInRequestScope(scope, () =>
      requestTransaction(database.db, async (tx) => {
        await tx.execute(sql`insert into retry_probe (id) values ('late')`);
        scope.timedOut = true;
      }),
    );
    await expect(run).rejects.toMatchObject({ code: 'REQUEST_TIMED_OUT' });
    expect(await count('late')).toBe(0);
    expect(scope.committing).toBe(0);
  });

  it('joins a transaction it is given as a savepoint, leaving the retry to the outer one', async () => {
    let inner = 0;
    await requestTransaction(database.db, async (tx) => {
      await requestTransaction(tx, async (sp) => {
        inner++;
        await sp.execute(sql`insert into retry_probe (id) values (${`nested-${inner}`})`);
      });
    });
    expect(inner).toBe(1);
    expect(await count('nested-1')).toBe(1);
  });
});

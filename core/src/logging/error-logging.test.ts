import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/database.js';
import { defineRoute, type RouteGroup } from '../http/route.js';
import { createTestDatabase, createTestPlatform, type TestPlatform } from '../testing/index.js';

// Values a failing query carried: they must never reach the log, whichever driver failed.
const SECRET_NUMBER = 'secret-4711-national-id';
const SECRET_NAME = 'Secret Legal Name 8152';

let database: DatabaseHandle;
let t: TestPlatform;

const failingRoutes = (): RouteGroup => ({
  prefix: '/v1/failing',
  tag: 'Failing',
  routes: [
    defineRoute({
      method: 'get',
      path: '/cast',
      summary: 'A data exception: PostgreSQL quotes the value in its message',
      access: { public: true },
      responses: { 200: { description: 'Never' } },
      handler: async () => {
        await database.db.execute(sql`select ${SECRET_NUMBER}::integer as n`);
        return { status: 200, body: undefined };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/missing-table',
      summary: 'A failing query with parameters that PostgreSQL does not echo',
      access: { public: true },
      responses: { 200: { description: 'Never' } },
      handler: async () => {
        await database.db.execute(sql`select * from core.no_such_table where name = ${SECRET_NAME}`);
        return { status: 200, body: undefined };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/duplicate',
      summary: 'A unique violation: PostgreSQL repeats the key in its detail',
      access: { public: true },
      responses: { 200: { description: 'Never' } },
      handler: async () => {
        // The default region exists: its id is the duplicate key.
        await database.db.execute(sql`insert into core.regions (id, name) values ('default', ${SECRET_NAME})`);
        return { status: 200, body: undefined };
      },
    }),
  ],
});

beforeAll(async () => {
  database = await createTestDatabase();
  t = await createTestPlatform({ database, routes: [failingRoutes()] });
});
afterAll(async () => {
  await t.close();
  await database.close();
});

const failureLog = (requestId: string) =>
  t.logs().find((line) => line.msg === 'request failed' && line.requestId === requestId) as
    | { err: { message: string; query?: string; cause?: { code?: string; message?: string } } }
    | undefined;

describe('database errors in the log', () => {
  it('logs a failing query without its parameters, keeping the SQL text and the SQLSTATE code', async () => {
    const res = await t.request('/v1/failing/missing-table');
    expect(res.status).toBe(500);
    const logged = failureLog((await res.json()).requestId);
    expect(logged?.err.query).toContain('core.no_such_table');
    expect(logged?.err.message).toContain('Failed query: select * from core.no_such_table');
    expect(logged?.err.cause?.code).toBe('42P01');
    expect(t.rawLogs()).not.toContain(SECRET_NAME);
  });

  it('logs a data exception without the value PostgreSQL quoted in its message', async () => {
    const res = await t.request('/v1/failing/cast');
    expect(res.status).toBe(500);
    const logged = failureLog((await res.json()).requestId);
    expect(logged?.err.cause?.code).toBe('22P02');
    expect(logged?.err.cause?.message).toContain('invalid input syntax for type integer');
    expect(t.rawLogs()).not.toContain(SECRET_NUMBER);
  });

  it('logs a unique violation without the detail that repeats the row', async () => {
    const res = await t.request('/v1/failing/duplicate');
    expect(res.status).toBe(500);
    const logged = failureLog((await res.json()).requestId);
    expect(logged?.err.cause?.code).toBe('23505');
    expect(t.rawLogs()).not.toContain(SECRET_NAME);
    expect(t.rawLogs()).not.toContain('Key (id)=(default)');
  });
});

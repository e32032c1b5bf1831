import { Type } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultRows } from '../db/database.js';
import { defineEvent } from '../events/event-ref.js';
import { createTestPlatform, type TestPlatform } from '../testing/index.js';
import { definePlugin } from './define-plugin.js';

// A plugin whose routes collide with each other in the database: one raises a serialization
// failure on its first attempt (both engines), two take advisory locks in opposite orders and
// meet in between, a real deadlock (PostgreSQL only: PGlite has one connection).

const Locked = defineEvent('lockstep.locks.taken', Type.Object({ order: Type.String() }));
const attempts = { conflict: 0, always: 0, ab: 0, ba: 0 };
let arrived = 0;
let bothHoldFirst: () => void = () => {};
const rendezvous = new Promise<void>((resolve) => {
  bothHoldFirst = resolve;
});

const lockstep = definePlugin({
  id: 'lockstep',
  version: '1.0.0',
  requires: { core: '>=0.1.0' },
  register(p) {
    p.route({
      method: 'post',
      path: '/conflict',
      summary: 'Emits an event, then fails with a serialization failure on the first attempt',
      access: { authenticated: 'anyone signed in' },
      responses: { 201: { description: 'Done', schema: Type.Object({ attempt: Type.Integer() }) } },
      handler: async (_input, ctx) => {
        const attempt = ++attempts.conflict;
        await ctx.emit(Locked, { order: `conflict-${attempt}` });
        if (attempt === 1) {
          await ctx.db.execute(sql`do $$ begin raise exception 'injected' using errcode = '40001'; end $$`);
        }
        return { status: 201, body: { attempt } };
      },
    });
    p.route({
      method: 'post',
      path: '/always-conflicts',
      summary: 'Fails with a serialization failure every time',
      access: { authenticated: 'anyone signed in' },
      responses: { 201: { description: 'Never' } },
      handler: async (_input, ctx) => {
        attempts.always++;
        await ctx.db.execute(sql`do $$ begin raise exception 'injected' using errcode = '40001'; end $$`);
        return { status: 201, body: undefined };
      },
    });
    p.route({
      method: 'post',
      path: '/locks/{order}',
      summary: 'Locks A then B (ab) or B then A (ba), waiting for the other request in between',
      access: { authenticated: 'anyone signed in' },
      request: { params: Type.Object({ order: Type.Union([Type.Literal('ab'), Type.Literal('ba')]) }) },
      responses: { 200: { description: 'Both locks held', schema: Type.Object({ attempts: Type.Integer() }) } },
      handler: async ({ params }, ctx) => {
        const attempt = ++attempts[params.order];
        const [first, second] = params.order === 'ab' ? [1, 2] : [2, 1];
        await ctx.db.execute(sql`select pg_advisory_xact_lock(7100, ${first})`);
        await ctx.emit(Locked, { order: `${params.order}-${attempt}` });
        if (attempt === 1) {
          // Only the first attempts meet: then each waits for the lock the other holds.
          if (++arrived === 2) bothHoldFirst();
          await rendezvous;
        }
        await ctx.db.execute(sql`select pg_advisory_xact_lock(7100, ${second})`);
        return { status: 200, body: { attempts: attempt } };
      },
    });
  },
});

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform({ plugins: [lockstep] });
});
afterAll(() => t.close());

const emitted = async (prefix: string) =>
  resultRows<{ order: string }>(
    await t.platform.database.db.execute(
      sql`select payload->>'order' as "order" from core.events
          where name = 'lockstep.locks.taken' and payload->>'order' like ${`${prefix}%`} order by seq`,
    ),
  ).map((r) => r.order);

describe('plugin request transactions retry on transient conflicts', () => {
  it('runs the handler again in a fresh transaction after a serialization failure; the failed attempt leaves nothing', async () => {
    const person = await t.person();
    const res = await t.request('/v1/lockstep/conflict', { method: 'POST', auth: person.token });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ attempt: 2 });
    expect(await emitted('conflict-')).toEqual(['conflict-2']);
  });

  it('gives up after five attempts with the usual error', async () => {
    const person = await t.person();
    const res = await t.request('/v1/lockstep/always-conflicts', { method: 'POST', auth: person.token });
    expect(res.status).toBe(500);
    expect(attempts.always).toBe(5);
  });

  it.skipIf(!process.env.DATABASE_URL)('answers both requests of a real deadlock with 2xx', async () => {
    const person = await t.person();
    const [ab, ba] = await Promise.all([
      t.request('/v1/lockstep/locks/ab', { method: 'POST', auth: person.token }),
      t.request('/v1/lockstep/locks/ba', { method: 'POST', auth: person.token }),
    ]);
    expect([ab.status, ba.status]).toEqual([200, 200]);
    // PostgreSQL aborted one of them (40P01); it ran again once the other had committed.
    expect(attempts.ab + attempts.ba).toBe(3);
    const orders = [...(await emitted('ab-')), ...(await emitted('ba-'))];
    expect(orders).toHaveLength(2);
    expect(orders).toEqual(expect.arrayContaining([`ab-${attempts.ab}`, `ba-${attempts.ba}`]));
  });
});

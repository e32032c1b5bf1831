import {
  assertLedgerInvariants,
  createTestPlatform,
  type TestPlatform,
  type TestPrincipals,
} from '@lifelong/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import creditBank from '../index.js';
import { expectProblem, givePoints, wallet } from '../testing/wallet.js';

let clock = new Date('2026-03-02T09:00:00Z');
let t: TestPlatform;
let p: TestPrincipals;
beforeAll(async () => {
  t = await createTestPlatform({
    plugins: [creditBank],
    regions: [
      { id: 'default', name: 'Default', plugins: { 'credit-bank': { config: { exchange: { holdHours: 24 } } } } },
      { id: 'elsewhere', name: 'Elsewhere' },
    ],
    now: () => clock,
    settings: { sessionTtlSeconds: 7 * 86_400 },
  });
  p = await t.principals();
});
afterAll(async () => {
  // Whatever the flows above did, the ledger still balances.
  await assertLedgerInvariants(t.platform.database.db);
  await t.close();
});

const base = '/v1/credit-bank/exchange';

async function offer(json: Record<string, unknown>, auth?: string) {
  const res = await t.request(`${base}/resources`, {
    method: 'POST',
    auth: auth ?? p.institution.key,
    json: {
      kind: 'course',
      title: 'Pottery for beginners',
      price: '30',
      stock: 5,
      institutionId: p.institution.id,
      ...json,
    },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return res.json();
}

const redeem = (resourceId: string, auth: string, json: Record<string, unknown> = {}) =>
  t.request(`${base}/resources/${resourceId}/redemptions`, { method: 'POST', auth, json });
const stockOf = async (resourceId: string) => (await (await t.request(`${base}/resources/${resourceId}`)).json()).stock;

describe('wallet and configuration', () => {
  it('show a person their own points and vouchers; nobody else has a wallet here', async () => {
    expect(await wallet(t, p.learner.token)).toMatchObject({
      points: { balance: '0', held: '0', available: '0' },
      vouchers: { balance: '0', held: '0', available: '0' },
    });
    expectProblem(await t.request('/v1/credit-bank/wallet'), 401);
    expectProblem(await t.request('/v1/credit-bank/wallet', { auth: p.institution.key }), 403);
  });

  it('defaults: 72 hour holds, 1:1 conversion, a 1,000 point yearly family cap, 2 approvals', async () => {
    const res = await t.request('/v1/regions/elsewhere/plugins/credit-bank', { auth: 'admin' });
    expect((await res.json()).config).toMatchObject({
      exchange: { holdHours: 72 },
      family: { conversion: { points: 1, vouchers: 1 }, annualCapPoints: 1000 },
      pools: { approvalsRequired: 2 },
    });
  });
});

describe('resources', () => {
  it('are offered by an institution (its issuer key) or by the region (its admin)', async () => {
    const course = await offer({ title: 'Course by the school' });
    expect(course).toMatchObject({
      kind: 'course',
      price: '30',
      stock: 5,
      offeredBy: { type: 'institution', id: p.institution.id },
      status: 'active',
      acceptsVouchers: true,
    });
    const venue = await offer(
      { kind: 'venue-time', title: 'Hall, 1 hour', institutionId: undefined },
      p.regionAdmin.token,
    );
    expect(venue).toMatchObject({ offeredBy: { type: 'region', id: 'default' }, acceptsVouchers: false });
  });

  it('cannot be offered by learners, anonymous callers, another region or an institution key for the region', async () => {
    const json = { kind: 'book', title: 'A book', price: '5', stock: 1 };
    expectProblem(await t.request(`${base}/resources`, { method: 'POST', json }), 401);
    expectProblem(await t.request(`${base}/resources`, { method: 'POST', auth: p.learner.token, json }), 403);
    expectProblem(await t.request(`${base}/resources`, { method: 'POST', auth: p.otherRegionAdmin.token, json }), 403);
    // The school's key manages its own offers, not the region's.
    expectProblem(await t.request(`${base}/resources`, { method: 'POST', auth: p.institution.key, json }), 403);
  });

  it('refuse bad input with 400 naming the field, storing nothing', async () => {
    const before = (await (await t.request(`${base}/resources?limit=200`)).json()).items.length;
    for (const [json, path] of [
      [{ price: '0' }, '/body/price'],
      [{ price: '-5' }, '/body/price'],
      [{ price: 3 }, '/body/price'],
      [{ stock: -1 }, '/body/stock'],
      [{ kind: 'car' }, '/body/kind'],
      [{ title: '' }, '/body/title'],
      [{ institutionId: crypto.randomUUID() }, '/body/institutionId'],
      [{ surprise: true }, '/body/surprise'],
    ] as const) {
      const res = await t.request(`${base}/resources`, {
        method: 'POST',
        auth: p.regionAdmin.token,
        json: { kind: 'course', title: 'T', price: '1', stock: 1, ...json },
      });
      expectProblem(res, 400);
      expect((await res.json()).errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await (await t.request(`${base}/resources?limit=200`)).json()).items.length).toBe(before);
  });

  it('are listed publicly per region, by kind, a page at a time', async () => {
    await offer({ kind: 'book', title: 'Book one' });
    await offer({ kind: 'book', title: 'Book two' });
    await offer({ kind: 'book', title: 'Book three' });
    const first = await (await t.request(`${base}/resources?kind=book&limit=2`)).json();
    expect(first.items).toHaveLength(2);
    expect(first.items.every((r: { kind: string }) => r.kind === 'book')).toBe(true);
    const second = await (await t.request(`${base}/resources?kind=book&limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((r: { title: string }) => r.title)).toEqual(['Book three']);
    const elsewhere = await t.request(`${base}/resources`, { headers: { 'Lifelong-Region': 'elsewhere' } });
    expect((await elsewhere.json()).items).toEqual([]);
    expectProblem(await t.request(`${base}/resources?kind=car`), 400);
    expectProblem(await t.request(`${base}/resources?cursor=bogus`), 400);
    // A well-formed cursor whose id is not a UUID was a 500 (the database refused the comparison).
    const foreign = Buffer.from(JSON.stringify({ id: 'not-a-uuid' })).toString('base64url');
    expectProblem(await t.request(`${base}/resources?cursor=${foreign}`), 400);
  });

  it('are restocked or withdrawn by their provider only', async () => {
    const r = await offer({ stock: 1 });
    const patch = (json: unknown, auth: string) =>
      t.request(`${base}/resources/${r.id}`, { method: 'PATCH', auth, json });
    expectProblem(await patch({ restock: 2 }, p.learner.token), 403);
    expectProblem(await patch({ restock: 2 }, p.otherRegionAdmin.token), 403);
    expect((await (await patch({ restock: 2 }, p.institution.key)).json()).stock).toBe(3);
    const tooMuch = await patch({ restock: -4 }, p.regionAdmin.token);
    expectProblem(tooMuch, 400);
    expect((await tooMuch.json()).errors[0].path).toBe('/body/restock');
    expect((await (await patch({ status: 'withdrawn' }, p.institution.key)).json()).status).toBe('withdrawn');
    const items = (await (await t.request(`${base}/resources?limit=200`)).json()).items;
    expect(items.some((x: { id: string }) => x.id === r.id)).toBe(false);
    await givePoints(t, p.otherLearner.token, 30);
    const res = await redeem(r.id, p.otherLearner.token);
    expectProblem(res, 409);
    expect((await res.json()).code).toBe('CREDIT_BANK_RESOURCE_WITHDRAWN');
  });
});

describe('redemptions', () => {
  it('hold the price on the wallet until delivery, which pays the provider', async () => {
    const person = await t.person({ verified: true });
    await givePoints(t, person.token, 100);
    const r = await offer({ price: '30', stock: 2 });
    const res = await redeem(r.id, person.token);
    expect(res.status).toBe(201);
    const redemption = await res.json();
    expect(redemption).toMatchObject({
      resourceId: r.id,
      personId: person.id,
      payer: { type: 'person', id: person.id },
      asset: 'POINT',
      amount: '30',
      status: 'held',
      expiresAt: '2026-03-03T09:00:00.000Z',
    });
    expect((await wallet(t, person.token)).points).toMatchObject({ balance: '100', held: '30', available: '70' });
    expect(await stockOf(r.id)).toBe(1);

    const mine = await (await t.request(`${base}/redemptions`, { auth: person.token })).json();
    expect(mine.items.map((x: { id: string }) => x.id)).toEqual([redemption.id]);
    const providers = await (
      await t.request(`${base}/resources/${r.id}/redemptions`, { auth: p.institution.key })
    ).json();
    expect(providers.items.map((x: { id: string }) => x.id)).toEqual([redemption.id]);
    expectProblem(await t.request(`${base}/resources/${r.id}/redemptions`, { auth: p.otherRegionAdmin.token }), 403);

    const deliver = (auth: string) =>
      t.request(`${base}/redemptions/${redemption.id}/deliver`, { method: 'POST', auth });
    expectProblem(await deliver(person.token), 403);
    expectProblem(await deliver(p.otherRegionAdmin.token), 403);
    const delivered = await deliver(p.institution.key);
    expect((await delivered.json()).status).toBe('delivered');
    expect((await wallet(t, person.token)).points).toMatchObject({ balance: '70', held: '0', available: '70' });
    const again = await deliver(p.institution.key);
    expectProblem(again, 409);
    expect((await again.json()).code).toBe('CREDIT_BANK_REDEMPTION_NOT_HELD');
    expect(await stockOf(r.id)).toBe(1);
  });

  it('refuse a person without enough points with the ledger reason, holding nothing', async () => {
    const person = await t.person({ verified: true });
    await givePoints(t, person.token, 10);
    const r = await offer({ price: '30', stock: 1 });
    const res = await redeem(r.id, person.token);
    expectProblem(res, 409);
    expect(await res.json()).toMatchObject({ code: 'CREDIT_BANK_INSUFFICIENT_FUNDS', reason: 'exceedsCredits' });
    expect((await wallet(t, person.token)).points).toMatchObject({ balance: '10', held: '0' });
    expect(await stockOf(r.id)).toBe(1);
    expect((await (await t.request(`${base}/redemptions`, { auth: person.token })).json()).items).toEqual([]);
  });

  it('are cancelled by the person or the provider before delivery: the hold is released and the unit restocked', async () => {
    const person = await t.person({ verified: true });
    await givePoints(t, person.token, 60);
    const r = await offer({ price: '30', stock: 2 });
    const first = await (await redeem(r.id, person.token)).json();
    const second = await (await redeem(r.id, person.token)).json();
    expect(await stockOf(r.id)).toBe(0);
    const out = await redeem(r.id, person.token);
    expectProblem(out, 409);
    expect((await out.json()).code).toBe('CREDIT_BANK_OUT_OF_STOCK');

    const cancel = (id: string, auth: string) =>
      t.request(`${base}/redemptions/${id}/cancel`, { method: 'POST', auth });
    expectProblem(await cancel(first.id, p.otherLearner.token), 403);
    expectProblem(await t.request(`${base}/redemptions/${first.id}/cancel`, { method: 'POST' }), 401);
    expect((await (await cancel(first.id, person.token)).json()).status).toBe('cancelled');
    expect((await (await cancel(second.id, p.institution.key)).json()).status).toBe('cancelled');
    expectProblem(await cancel(first.id, person.token), 409);
    expect((await wallet(t, person.token)).points).toMatchObject({ balance: '60', held: '0' });
    expect(await stockOf(r.id)).toBe(2);
    expectProblem(await cancel(crypto.randomUUID(), person.token), 404);
  });

  it('expire after the hold time: the job voids the hold and restocks', async () => {
    const person = await t.person({ verified: true });
    await givePoints(t, person.token, 30);
    const r = await offer({ price: '30', stock: 1 });
    const redemption = await (await redeem(r.id, person.token)).json();
    await t.runJob('credit-bank', 'expire-redemptions');
    expect((await wallet(t, person.token)).points.held).toBe('30');
    const now = clock;
    clock = new Date(now.getTime() + 25 * 3_600_000);
    try {
      await t.runJob('credit-bank', 'expire-redemptions');
    } finally {
      clock = now;
    }
    expect((await wallet(t, person.token)).points).toMatchObject({ balance: '30', held: '0' });
    expect(await stockOf(r.id)).toBe(1);
    const mine = await (await t.request(`${base}/redemptions?status=expired`, { auth: person.token })).json();
    expect(mine.items.map((x: { id: string }) => x.id)).toEqual([redemption.id]);
    const late = await t.request(`${base}/redemptions/${redemption.id}/deliver`, {
      method: 'POST',
      auth: p.institution.key,
    });
    expectProblem(late, 409);
  });

  it('take vouchers only for learning resources', async () => {
    const venue = await offer({ kind: 'venue-time', title: 'Studio hour' });
    const res = await redeem(venue.id, p.learner.token, { payWith: 'vouchers' });
    expectProblem(res, 422);
    expect((await res.json()).code).toBe('CREDIT_BANK_VOUCHERS_NOT_ACCEPTED');
    const course = await offer({ kind: 'course' });
    const none = await redeem(course.id, p.learner.token, { payWith: 'vouchers' });
    expectProblem(none, 409);
    expect((await none.json()).code).toBe('CREDIT_BANK_INSUFFICIENT_FUNDS');
    expect(await stockOf(course.id)).toBe(5);
  });

  it('need a signed-in person and a resource of the region', async () => {
    const r = await offer({});
    expectProblem(await t.request(`${base}/resources/${r.id}/redemptions`, { method: 'POST', json: {} }), 401);
    expectProblem(await redeem(r.id, p.institution.key), 403);
    const other = await t.request(`${base}/resources/${r.id}/redemptions`, {
      method: 'POST',
      auth: p.learner.token,
      json: {},
      headers: { 'Lifelong-Region': 'elsewhere' },
    });
    expectProblem(other, 404);
    expectProblem(await redeem('not-a-uuid', p.learner.token), 400);
    expectProblem(await redeem(r.id, p.learner.token, { payWith: 'cash' }), 400);
  });

  it.skipIf(!process.env.DATABASE_URL)(
    '(PostgreSQL) 200 parallel redemptions of a stock of 50: exactly 50 succeed, the rest get 409',
    async () => {
      const people = await Promise.all(Array.from({ length: 20 }, () => t.person()));
      for (const person of people) await givePoints(t, person.token, 100);
      const r = await offer({ price: '10', stock: 50 });
      const results = await Promise.all(
        Array.from({ length: 200 }, (_, i) => redeem(r.id, (people[i % people.length] as { token: string }).token)),
      );
      const statuses = results.map((res) => res.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(50);
      expect(statuses.filter((s) => s === 409)).toHaveLength(150);
      for (const res of results.filter((x) => x.status === 409)) {
        expect((await res.json()).code).toBe('CREDIT_BANK_OUT_OF_STOCK');
      }
      expect(await stockOf(r.id)).toBe(0);
      let held = 0;
      for (const person of people) {
        const points = (await wallet(t, person.token)).points;
        expect(points.balance).toBe('100');
        held += Number(points.held);
      }
      expect(held).toBe(500);
    },
    120_000,
  );
});

import {
  assertLedgerInvariants,
  createTestPlatform,
  type TestPerson,
  type TestPlatform,
  type TestPrincipals,
} from '@lifelong/core/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import creditBank from '../index.js';
import { makeGroup } from '../testing/groups.js';
import { expectProblem, givePoints, wallet } from '../testing/wallet.js';

// The exchange's integrity rules: the expiry job survives a broken row, released holds can always
// be cancelled, guardians cancel and approve minors' redemptions, pools get their refunds.

let clock = new Date('2026-03-02T09:00:00Z');
let t: TestPlatform;
let p: TestPrincipals;
beforeAll(async () => {
  t = await createTestPlatform({
    plugins: [creditBank],
    regions: [
      {
        id: 'default',
        name: 'Default',
        plugins: { 'credit-bank': { config: { exchange: { holdHours: 24, minorSpendingApprovalAbove: 20 } } } },
      },
      { id: 'elsewhere', name: 'Elsewhere' },
    ],
    now: () => clock,
    settings: { sessionTtlSeconds: 7 * 86_400 },
  });
  p = await t.principals();
  await givePoints(t, p.learner.token, 1000);
  await givePoints(t, p.minor.token, 1000);
});
afterAll(async () => {
  await assertLedgerInvariants(t.platform.database.db);
  await t.close();
});

const base = '/v1/credit-bank/exchange';

async function offer(price = '30', stock = 10): Promise<{ id: string }> {
  const res = await t.request(`${base}/resources`, {
    method: 'POST',
    auth: p.institution.key,
    json: { kind: 'course', title: 'Weaving', price, stock, institutionId: p.institution.id },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return res.json();
}

async function redeem(resourceId: string, who: TestPerson) {
  const res = await t.request(`${base}/resources/${resourceId}/redemptions`, {
    method: 'POST',
    auth: who.token,
    json: {},
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { id: string; status: string };
}

const post = (path: string, auth?: string, region?: string) =>
  t.request(`${base}${path}`, {
    method: 'POST',
    ...(auth ? { auth } : {}),
    ...(region ? { headers: { 'Lifelong-Region': region } } : {}),
  });
const stockOf = async (id: string) => (await (await t.request(`${base}/resources/${id}`)).json()).stock;

type RawRedemption = { status: string; expiry_failures: number; expiry_failure_reason: string | null };
async function rawRedemption(id: string): Promise<RawRedemption> {
  const result = await t.platform.database.db.execute(
    sql`select status, expiry_failures, expiry_failure_reason, hold_transfer_id
          from credit_bank.exchange_redemptions where id = ${id}`,
  );
  return ((result as unknown as { rows?: unknown[] }).rows ?? (result as unknown as unknown[]))[0] as RawRedemption;
}
async function holdOf(id: string): Promise<string> {
  return ((await rawRedemption(id)) as unknown as { hold_transfer_id: string }).hold_transfer_id;
}

/** Posts or voids a redemption's hold behind the exchange's back, straight through the core ledger. */
async function settleHold(redemptionId: string, how: 'postPending' | 'voidPending') {
  const pendingId = await holdOf(redemptionId);
  const [result] = await t.platform.database.db.transaction((tx) =>
    t.platform.ledger.transfer(tx, [{ id: crypto.randomUUID(), pendingId, flags: { [how]: true }, code: 5002 }]),
  );
  expect(result?.status).toBe('created');
}

describe('the expire-redemptions job', () => {
  it('expires the other redemptions when one of them cannot be expired, and records the broken one', async () => {
    const resource = await offer('30', 10);
    const fine = await redeem(resource.id, p.learner);
    const broken = await redeem(resource.id, p.learner);
    const voided = await redeem(resource.id, p.learner);
    const another = await redeem(resource.id, p.learner);
    // Two holds are settled through the core ledger: one posted (nothing left to void), one voided
    // (the points are already back).
    await settleHold(broken.id, 'postPending');
    await settleHold(voided.id, 'voidPending');
    expect(await stockOf(resource.id)).toBe(6);

    clock = new Date(clock.getTime() + 25 * 3_600_000);
    await t.runJob('credit-bank', 'expire-redemptions');

    for (const r of [fine, voided, another]) expect((await rawRedemption(r.id)).status).toBe('expired');
    const raw = await rawRedemption(broken.id);
    expect(raw.status).toBe('held');
    expect(raw.expiry_failures).toBe(1);
    expect(raw.expiry_failure_reason).toContain('pendingTransferAlreadyPosted');
    expect(await stockOf(resource.id)).toBe(9);
    expect(t.logs().some((l) => l.msg === 'could not expire a held redemption; skipped')).toBe(true);

    // Not retried on every run: the next run within the hour leaves it alone.
    await t.runJob('credit-bank', 'expire-redemptions');
    expect((await rawRedemption(broken.id)).expiry_failures).toBe(1);
    clock = new Date(clock.getTime() + 61 * 60_000);
    await t.runJob('credit-bank', 'expire-redemptions');
    expect((await rawRedemption(broken.id)).expiry_failures).toBe(2);
  });

  it('lets a learner cancel a redemption whose hold the ledger already released', async () => {
    const resource = await offer('30', 3);
    const r = await redeem(resource.id, p.learner);
    await settleHold(r.id, 'voidPending');
    const before = (await wallet(t, p.learner.token)).points.available;
    const res = await post(`/redemptions/${r.id}/cancel`, p.learner.token);
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await res.json()).status).toBe('cancelled');
    expect(await stockOf(resource.id)).toBe(3);
    // The points came back once (with the ledger's void), not twice.
    expect((await wallet(t, p.learner.token)).points.available).toBe(before);
  });
});

describe("guardians and minors' redemptions", () => {
  it("lets a guardian cancel their minor's redemption, and nobody else in the family of callers", async () => {
    const resource = await offer('10', 5);
    const r = await redeem(resource.id, p.minor);
    expect(r.status).toBe('held');
    expectProblem(await post(`/redemptions/${r.id}/cancel`), 401);
    for (const who of [p.otherLearner.token, p.learner.token, p.registrar.token]) {
      expectProblem(await post(`/redemptions/${r.id}/cancel`, who), 403);
    }
    expectProblem(await post(`/redemptions/${r.id}/cancel`, p.otherRegionAdmin.token, 'elsewhere'), 404);
    const res = await post(`/redemptions/${r.id}/cancel`, p.guardian.token);
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await res.json()).status).toBe('cancelled');
  });

  it('holds a redemption by a minor above the threshold for a guardian; adults and small ones go through', async () => {
    const resource = await offer('30', 10);
    const small = await offer('20', 10);
    expect((await redeem(resource.id, p.learner)).status).toBe('held');
    expect((await redeem(small.id, p.minor)).status).toBe('held');
    const waiting = await redeem(resource.id, p.minor);
    expect(waiting.status).toBe('pending-approval');
    // Not deliverable while it waits; the price is held all the same.
    expectProblem(await post(`/redemptions/${waiting.id}/deliver`, p.institution.key), 409);
    expect((await wallet(t, p.minor.token)).points.held).not.toBe('0');

    const approved = await post(`/redemptions/${waiting.id}/approval`, p.guardian.token);
    expect(approved.status, await approved.clone().text()).toBe(200);
    expect(await approved.json()).toMatchObject({ status: 'held', approval: { by: p.guardian.id } });
    expectProblem(await post(`/redemptions/${waiting.id}/approval`, p.guardian.token), 409);
    expect((await post(`/redemptions/${waiting.id}/deliver`, p.institution.key)).status).toBe(200);
  });

  it('releases the price and the unit when a guardian declines', async () => {
    const resource = await offer('50', 4);
    const before = (await wallet(t, p.minor.token)).points.available;
    const waiting = await redeem(resource.id, p.minor);
    const res = await post(`/redemptions/${waiting.id}/decline`, p.guardian.token);
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await res.json()).status).toBe('declined');
    expect((await wallet(t, p.minor.token)).points.available).toBe(before);
    expect(await stockOf(resource.id)).toBe(4);
    expectProblem(await post(`/redemptions/${waiting.id}/decline`, p.guardian.token), 409);
  });

  it('expires a redemption nobody approved', async () => {
    const resource = await offer('40', 2);
    const waiting = await redeem(resource.id, p.minor);
    clock = new Date(clock.getTime() + 25 * 3_600_000);
    await t.runJob('credit-bank', 'expire-redemptions');
    expect((await rawRedemption(waiting.id)).status).toBe('expired');
    expect(await stockOf(resource.id)).toBe(2);
  });

  it('authorization matrix: approval, decline and the person redemptions list', async () => {
    const resource = await offer('30', 20);
    const waiting = await redeem(resource.id, p.minor);
    const list = `/exchange/people/${p.minor.learnerNumber}/redemptions?status=pending-approval`;
    const get = (auth?: string, path = list) => t.request(`/v1/credit-bank${path}`, { ...(auth ? { auth } : {}) });

    // Anonymous: 401 everywhere.
    expectProblem(await get(), 401);
    expectProblem(await post(`/redemptions/${waiting.id}/approval`), 401);
    expectProblem(await post(`/redemptions/${waiting.id}/decline`), 401);
    // The minor, another learner, the region's admin, the provider's key, the platform admin: 403.
    for (const who of [p.minor.token, p.otherLearner.token, p.regionAdmin.token, p.institution.key, 'admin']) {
      expectProblem(await post(`/redemptions/${waiting.id}/approval`, who), 403);
      expectProblem(await post(`/redemptions/${waiting.id}/decline`, who), 403);
    }
    // Another region's admin does not even see it.
    expectProblem(await post(`/redemptions/${waiting.id}/approval`, p.otherRegionAdmin.token, 'elsewhere'), 404);
    // Nothing changed.
    expect((await rawRedemption(waiting.id)).status).toBe('pending-approval');

    // The list: the minor and their guardian; nobody else, and an unknown number is the same 403.
    for (const who of [p.minor.token, p.guardian.token]) {
      const res = await get(who);
      expect(res.status, await res.clone().text()).toBe(200);
      expect((await res.json()).items.map((r: { id: string }) => r.id)).toContain(waiting.id);
    }
    for (const who of [p.otherLearner.token, p.regionAdmin.token, p.learner.token]) expectProblem(await get(who), 403);
    expectProblem(await get(p.institution.key), 403);
    expectProblem(await get(p.guardian.token, '/exchange/people/NO-SUCH-NUMBER-1/redemptions'), 403);
    expectProblem(await get(p.otherLearner.token, `/exchange/people/${p.learner.learnerNumber}/redemptions`), 403);

    // The guardian: 200.
    expect((await post(`/redemptions/${waiting.id}/approval`, p.guardian.token)).status).toBe(200);
  });
});

describe('resource redemptions', () => {
  it('are listed newest first, and the cursor continues towards older ones', async () => {
    const resource = await offer('5', 10);
    const made = [];
    for (let i = 0; i < 5; i++) made.push((await redeem(resource.id, p.learner)).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.request(
        `${base}/resources/${resource.id}/redemptions?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        { auth: p.institution.key },
      );
      expect(res.status).toBe(200);
      const page = await res.json();
      seen.push(...page.items.map((r: { id: string }) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...made].reverse());
  });
});

describe('pool spend requests', () => {
  it('are marked refunded when the redemption they paid for is cancelled', async () => {
    const [admin, coAdmin] = await Promise.all([t.person(), t.person()]);
    const group = await makeGroup(t, admin, 'collective', [{ person: coAdmin, role: 'admin' }]);
    await givePoints(t, admin.token, 100);
    const pool = (path: string, auth: string, json?: unknown) =>
      t.request(`/v1/credit-bank/pools/${group}${path}`, {
        auth,
        ...(json !== undefined ? { method: 'POST', json } : {}),
      });
    expect((await pool('/contributions', admin.token, { points: '100' })).status).toBe(201);
    const resource = await offer('60', 3);
    const proposed = await (await pool('/spend-requests', admin.token, { resourceId: resource.id })).json();
    const executed = await pool(`/spend-requests/${proposed.id}/approvals`, coAdmin.token, {});
    expect(executed.status, await executed.clone().text()).toBe(200);
    const { redemptionId } = await executed.json();
    expect(redemptionId).toBeTruthy();

    expect((await post(`/redemptions/${redemptionId}/cancel`, admin.token)).status).toBe(200);
    const list = await (await pool('/spend-requests', admin.token)).json();
    expect(list.items.find((r: { id: string }) => r.id === proposed.id)).toMatchObject({
      status: 'refunded',
      redemptionId,
    });
    expect((await (await pool('', admin.token)).json()).available).toBe('100');
  });
});

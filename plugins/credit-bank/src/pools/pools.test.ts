import { createTestPlatform, type TestPerson, type TestPlatform, type TestPrincipals } from '@lifelong/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import creditBank from '../index.js';
import { makeGroup } from '../testing/groups.js';
import { expectProblem, givePoints } from '../testing/wallet.js';

let t: TestPlatform;
let p: TestPrincipals;
let admin: TestPerson;
let coAdmin: TestPerson;
let thirdAdmin: TestPerson;
let member: TestPerson;
let group: string;
beforeAll(async () => {
  t = await createTestPlatform({
    plugins: [creditBank],
    regions: [
      { id: 'default', name: 'Default', plugins: { 'credit-bank': { config: { pools: { approvalsRequired: 2 } } } } },
      { id: 'elsewhere', name: 'Elsewhere' },
    ],
  });
  p = await t.principals();
  [admin, coAdmin, thirdAdmin, member] = await Promise.all([t.person(), t.person(), t.person(), t.person()]);
  group = await makeGroup(t, admin, 'collective', [
    { person: coAdmin, role: 'admin' },
    { person: thirdAdmin, role: 'admin' },
    { person: member, role: 'member' },
    { person: p.minor, role: 'member', guardian: p.guardian },
  ]);
  await givePoints(t, member.token, 500);
  await givePoints(t, p.minor.token, 50);
});
afterAll(() => t.close());

const pool = (auth?: string, path = '', init: { method?: string; json?: unknown; region?: string } = {}) =>
  t.request(`/v1/credit-bank/pools/${group}${path}`, {
    ...(auth ? { auth } : {}),
    ...(init.method ? { method: init.method } : {}),
    ...(init.json !== undefined ? { json: init.json } : {}),
    ...(init.region ? { headers: { 'Lifelong-Region': init.region } } : {}),
  });

async function offer(price: string, stock = 5) {
  const res = await t.request('/v1/credit-bank/exchange/resources', {
    method: 'POST',
    auth: p.institution.key,
    json: { kind: 'venue-time', title: 'Hall for the group', price, stock, institutionId: p.institution.id },
  });
  return res.json();
}

describe('group pools', () => {
  it('take contributions from adult members, visible to every member', async () => {
    const res = await pool(member.token, '/contributions', { method: 'POST', json: { points: '200' } });
    expect(res.status, await res.clone().text()).toBe(201);
    expect(await res.json()).toMatchObject({
      kind: 'contribution',
      by: member.learnerNumber,
      amount: '200',
      redemption: null,
    });
    for (const reader of [member, admin, p.minor]) {
      const view = await (await pool(reader.token)).json();
      expect(view).toMatchObject({ groupId: group, balance: '200', held: '0', available: '200', approvalsRequired: 2 });
    }
    const movements = await (await pool(p.minor.token, '/movements')).json();
    expect(movements.items.map((m: { amount: string }) => m.amount)).toEqual(['200']);
  });

  it('are closed to non-members, anonymous callers, API keys and other regions', async () => {
    expectProblem(await pool(), 401);
    expectProblem(await pool(p.otherLearner.token), 403);
    expectProblem(await pool(p.regionAdmin.token), 403);
    expectProblem(await pool(p.institution.key), 403);
    expectProblem(await pool(p.otherRegionAdmin.token, '', { region: 'elsewhere' }), 404);
    expectProblem(await pool(p.otherLearner.token, '/movements'), 403);
    expectProblem(await pool(p.otherLearner.token, '/contributions', { method: 'POST', json: { points: '5' } }), 403);
    expectProblem(await pool(p.otherLearner.token, '/spend-requests'), 403);
  });

  it('refuse minors, bad amounts and contributions beyond the wallet, moving nothing', async () => {
    const minor = await pool(p.minor.token, '/contributions', { method: 'POST', json: { points: '5' } });
    expectProblem(minor, 403);
    expect((await minor.json()).code).toBe('CREDIT_BANK_MINOR_CANNOT_SEND');
    for (const points of ['0', '-3', '1.5', 7]) {
      const res = await pool(member.token, '/contributions', { method: 'POST', json: { points } });
      expectProblem(res, 400);
      expect((await res.json()).errors[0].path).toBe('/body/points');
    }
    const tooMuch = await pool(member.token, '/contributions', { method: 'POST', json: { points: '100000' } });
    expectProblem(tooMuch, 409);
    expect((await tooMuch.json()).reason).toBe('exceedsCredits');
    expect((await (await pool(member.token)).json()).balance).toBe('200');
    expect((await (await pool(member.token, '/movements')).json()).items).toHaveLength(1);
  });

  it('are spent by managing members after the approval count, exactly once', async () => {
    const hall = await offer('80');
    const asMember = await pool(member.token, '/spend-requests', { method: 'POST', json: { resourceId: hall.id } });
    expectProblem(asMember, 403);
    expect((await asMember.json()).code).toBe('CREDIT_BANK_NOT_A_POOL_MANAGER');

    const created = await pool(admin.token, '/spend-requests', { method: 'POST', json: { resourceId: hall.id } });
    expect(created.status, await created.clone().text()).toBe(201);
    const request = await created.json();
    expect(request).toMatchObject({ status: 'pending', approvals: 1, approvalsRequired: 2, redemptionId: null });
    const approve = (auth: string) => pool(auth, `/spend-requests/${request.id}/approvals`, { method: 'POST' });
    const twice = await approve(admin.token);
    expectProblem(twice, 409);
    expect((await twice.json()).code).toBe('CREDIT_BANK_ALREADY_APPROVED');
    expectProblem(await approve(member.token), 403);
    expect((await (await pool(admin.token)).json()).held).toBe('0');

    const executed = await approve(coAdmin.token);
    expect(executed.status).toBe(200);
    const done = await executed.json();
    expect(done).toMatchObject({ status: 'executed', approvals: 2 });
    expect(done.redemptionId).toEqual(expect.any(String));
    const late = await approve(thirdAdmin.token);
    expectProblem(late, 409);
    expect((await late.json()).code).toBe('CREDIT_BANK_SPEND_REQUEST_CLOSED');

    expect(await (await pool(member.token)).json()).toMatchObject({ balance: '200', held: '80', available: '120' });
    const deliver = await t.request(`/v1/credit-bank/exchange/redemptions/${done.redemptionId}/deliver`, {
      method: 'POST',
      auth: p.institution.key,
    });
    expect(deliver.status).toBe(200);
    expect(await (await pool(member.token)).json()).toMatchObject({ balance: '120', held: '0' });
    const movements = (await (await pool(member.token, '/movements')).json()).items;
    expect(movements.at(-1)).toMatchObject({
      kind: 'spend',
      by: coAdmin.learnerNumber,
      amount: '80',
      redemption: { id: done.redemptionId, resourceId: hall.id, status: 'delivered' },
    });
    const requests = (await (await pool(member.token, '/spend-requests')).json()).items;
    expect(requests.map((r: { id: string; status: string }) => [r.id, r.status])).toContainEqual([
      request.id,
      'executed',
    ]);
  });

  it('stay pending when the pool cannot pay, and a pool spend can be cancelled by a managing member', async () => {
    const pricey = await offer('5000');
    const request = await (
      await pool(admin.token, '/spend-requests', { method: 'POST', json: { resourceId: pricey.id } })
    ).json();
    const refused = await pool(coAdmin.token, `/spend-requests/${request.id}/approvals`, { method: 'POST' });
    expectProblem(refused, 409);
    expect((await refused.json()).code).toBe('CREDIT_BANK_INSUFFICIENT_FUNDS');
    const list = (await (await pool(admin.token, '/spend-requests')).json()).items;
    expect(list.find((r: { id: string }) => r.id === request.id)).toMatchObject({ status: 'pending', approvals: 1 });

    const cheap = await offer('20');
    const first = await (
      await pool(admin.token, '/spend-requests', { method: 'POST', json: { resourceId: cheap.id } })
    ).json();
    const executed = await (
      await pool(thirdAdmin.token, `/spend-requests/${first.id}/approvals`, { method: 'POST' })
    ).json();
    const cancel = (auth: string) =>
      t.request(`/v1/credit-bank/exchange/redemptions/${executed.redemptionId}/cancel`, { method: 'POST', auth });
    expectProblem(await cancel(member.token), 403);
    expect((await (await cancel(coAdmin.token)).json()).status).toBe('cancelled');
    expect(await (await pool(member.token)).json()).toMatchObject({ balance: '120', held: '0' });
    const movements = (await (await pool(member.token, '/movements')).json()).items;
    expect(movements.at(-1).redemption.status).toBe('cancelled');
  });

  it('are never spent by a minor, even one in a managing role', async () => {
    const minor = await t.person({ dateOfBirth: '2013-03-03', guardian: p.guardian });
    const family = await makeGroup(t, p.guardian, 'family', [{ person: minor, role: 'parent', guardian: p.guardian }]);
    const hall = await offer('1');
    const res = await t.request(`/v1/credit-bank/pools/${family}/spend-requests`, {
      method: 'POST',
      auth: minor.token,
      json: { resourceId: hall.id },
    });
    expectProblem(res, 403);
    expect((await res.json()).code).toBe('CREDIT_BANK_MINOR_CANNOT_SEND');
    expect((await (await t.request(`/v1/credit-bank/pools/${family}`, { auth: minor.token })).json()).balance).toBe(
      '0',
    );
  });

  it.skipIf(!process.env.DATABASE_URL)('(PostgreSQL) simultaneous final approvals execute the spend once', async () => {
    const room = await offer('10', 10);
    const request = await (
      await pool(admin.token, '/spend-requests', { method: 'POST', json: { resourceId: room.id } })
    ).json();
    const results = await Promise.all(
      [coAdmin, thirdAdmin].map((a) => pool(a.token, `/spend-requests/${request.id}/approvals`, { method: 'POST' })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const stock = (await (await t.request(`/v1/credit-bank/exchange/resources/${room.id}`)).json()).stock;
    expect(stock).toBe(9);
    expect((await (await pool(member.token)).json()).held).toBe('10');
  });
});

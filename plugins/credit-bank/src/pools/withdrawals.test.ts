import { createTestPlatform, type TestPerson, type TestPlatform, type TestPrincipals } from '@lifelong/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import creditBank from '../index.js';
import { makeGroup } from '../testing/groups.js';
import { expectProblem, givePoints, wallet } from '../testing/wallet.js';

// Withdrawals: points paid out of a group's pool to a member, under the group's spending rule
// (the region's count of distinct managing members' approvals).
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
    ],
  });
  p = await t.principals();
  [admin, coAdmin, thirdAdmin, member] = await Promise.all([t.person(), t.person(), t.person(), t.person()]);
  group = await makeGroup(t, admin, 'collective', [
    { person: coAdmin, role: 'admin' },
    { person: thirdAdmin, role: 'admin' },
    { person: member, role: 'member' },
  ]);
  await givePoints(t, member.token, 1000);
  const paid = await pool(member.token, '/contributions', { method: 'POST', json: { points: '600' } });
  expect(paid.status).toBe(201);
});
afterAll(() => t?.close());

function pool(auth?: string, path = '', init: { method?: string; json?: unknown } = {}) {
  return t.request(`/v1/credit-bank/pools/${group}${path}`, {
    ...(auth ? { auth } : {}),
    ...(init.method ? { method: init.method } : {}),
    ...(init.json !== undefined ? { json: init.json } : {}),
  });
}
const propose = (auth: string | undefined, json: unknown) =>
  pool(auth, '/withdrawal-requests', { method: 'POST', json });
const approve = (auth: string, requestId: string) =>
  pool(auth, `/spend-requests/${requestId}/approvals`, { method: 'POST' });
const poolBalance = async () => (await (await pool(member.token)).json()).balance as string;
const points = async (person: TestPerson) => (await wallet(t, person.token)).points.balance;

describe('withdrawals from a group pool', () => {
  it('pay the member when the count of managing members has approved, once', async () => {
    const before = { pool: await poolBalance(), member: await points(member) };
    const res = await propose(admin.token, { points: '150', toLearnerNumber: member.learnerNumber });
    expect(res.status, await res.clone().text()).toBe(201);
    const request = await res.json();
    expect(request).toMatchObject({
      kind: 'withdrawal',
      points: '150',
      to: member.learnerNumber,
      resourceId: null,
      status: 'pending',
      approvals: 1,
      approvalsRequired: 2,
    });
    // One approval moves nothing.
    expect(await poolBalance()).toBe(before.pool);
    expect(await points(member)).toBe(before.member);

    const approved = await approve(coAdmin.token, request.id);
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({ status: 'executed', approvals: 2 });
    expect(BigInt(await poolBalance())).toBe(BigInt(before.pool) - 150n);
    expect(BigInt(await points(member))).toBe(BigInt(before.member) + 150n);

    const movements = (await (await pool(member.token, '/movements?limit=100')).json()).items;
    expect(movements.at(-1)).toMatchObject({ kind: 'withdrawal', by: member.learnerNumber, amount: '150' });
    const listed = (await (await pool(member.token, '/spend-requests?limit=100')).json()).items;
    expect(listed.find((r: { id: string }) => r.id === request.id)).toMatchObject({
      kind: 'withdrawal',
      to: member.learnerNumber,
    });

    // A third approval is too late, and pays nothing more.
    const late = await approve(thirdAdmin.token, request.id);
    expectProblem(late, 409);
    expect((await late.json()).code).toBe('CREDIT_BANK_SPEND_REQUEST_CLOSED');
    expect(BigInt(await points(member))).toBe(BigInt(before.member) + 150n);
  });

  it('are proposed by adult managing members only, for members only', async () => {
    const body = { points: '10', toLearnerNumber: member.learnerNumber };
    expectProblem(await propose(undefined, body), 401);
    const byMember = await propose(member.token, body);
    expectProblem(byMember, 403);
    expect((await byMember.json()).code).toBe('CREDIT_BANK_NOT_A_POOL_MANAGER');
    expectProblem(await propose(p.otherLearner.token, body), 403);
    expectProblem(await propose(p.regionAdmin.token, body), 403);
    const outsider = await propose(admin.token, { points: '10', toLearnerNumber: p.otherLearner.learnerNumber });
    expectProblem(outsider, 400);
    expect((await outsider.json()).errors[0]).toMatchObject({ path: '/body/toLearnerNumber', rule: 'groupMember' });
    const zero = await propose(admin.token, { points: '0', toLearnerNumber: member.learnerNumber });
    expectProblem(zero, 400);
    expect((await zero.json()).errors[0].path).toBe('/body/points');
  });

  it('are refused whole when the pool holds too little: the approval is not kept', async () => {
    const res = await propose(admin.token, { points: '100000', toLearnerNumber: admin.learnerNumber });
    const request = await res.json();
    const refused = await approve(coAdmin.token, request.id);
    expectProblem(refused, 409);
    expect((await refused.json()).code).toBe('CREDIT_BANK_INSUFFICIENT_FUNDS');
    const listed = (await (await pool(member.token, '/spend-requests?limit=100')).json()).items;
    expect(listed.find((r: { id: string }) => r.id === request.id)).toMatchObject({ status: 'pending', approvals: 1 });
  });

  it.skipIf(!process.env.DATABASE_URL)('(PostgreSQL) simultaneous final approvals pay out once', async () => {
    const before = BigInt(await poolBalance());
    const request = await (await propose(admin.token, { points: '40', toLearnerNumber: member.learnerNumber })).json();
    const answers = await Promise.all([approve(coAdmin.token, request.id), approve(thirdAdmin.token, request.id)]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(BigInt(await poolBalance())).toBe(before - 40n);
  });
});

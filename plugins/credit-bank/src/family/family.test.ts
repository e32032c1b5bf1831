import { definePlugin } from '@lifelong/core';
import { createTestPlatform, type TestPerson, type TestPlatform, type TestPrincipals } from '@lifelong/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FamilyTransferMade } from '../events.js';
import creditBank from '../index.js';
import { makeGroup } from '../testing/groups.js';
import { expectProblem, givePoints, wallet } from '../testing/wallet.js';

const notified: { guardianIds: string[]; toPersonId: string; vouchers: string }[] = [];
const listener = definePlugin({
  id: 'family-listener',
  version: '1.0.0',
  register(p) {
    p.on(FamilyTransferMade, async (event) => {
      notified.push(event.payload);
    });
  },
});

let t: TestPlatform;
let p: TestPrincipals;
let elder: TestPerson;
let parent: TestPerson;
let family: string;
beforeAll(async () => {
  t = await createTestPlatform({
    plugins: [creditBank, listener],
    regions: [
      {
        id: 'default',
        name: 'Default',
        plugins: {
          'credit-bank': { config: { family: { conversion: { points: 2, vouchers: 1 }, annualCapPoints: 100 } } },
        },
      },
      { id: 'elsewhere', name: 'Elsewhere' },
    ],
  });
  p = await t.principals();
  elder = await t.person({ verified: true, dateOfBirth: '1950-01-01' });
  parent = await t.person({ verified: true });
  family = await makeGroup(
    t,
    elder,
    'family',
    [
      { person: parent, role: 'parent' },
      { person: p.minor, role: 'child', guardian: p.guardian },
    ],
    'elder',
  );
  await givePoints(t, elder.token, 1000);
  await givePoints(t, parent.token, 1000);
});
afterAll(() => t.close());

const transfer = (groupId: string, auth: string | undefined, json: unknown, region?: string) =>
  t.request(`/v1/credit-bank/family/groups/${groupId}/transfers`, {
    method: 'POST',
    ...(auth ? { auth } : {}),
    json,
    ...(region ? { headers: { 'Lifelong-Region': region } } : {}),
  });

describe('family transfers', () => {
  it("convert an elder's points into a minor's vouchers at the region's rate, and tell the minor's guardians", async () => {
    const res = await transfer(family, elder.token, { to: p.minor.learnerNumber, points: '40' });
    expect(res.status, await res.clone().text()).toBe(201);
    expect(await res.json()).toMatchObject({
      groupId: family,
      from: elder.learnerNumber,
      to: p.minor.learnerNumber,
      points: '40',
      vouchers: '20',
    });
    expect((await wallet(t, elder.token)).points.balance).toBe('960');
    expect((await wallet(t, p.minor.token)).vouchers.balance).toBe('20');
    await t.drainEvents();
    expect(notified).toEqual([
      expect.objectContaining({ toPersonId: p.minor.id, guardianIds: [p.guardian.id], vouchers: '20' }),
    ]);
    const allowance = await (await t.request('/v1/credit-bank/family/allowance', { auth: elder.token })).json();
    expect(allowance).toMatchObject({
      capPoints: '100',
      sentPoints: '40',
      remainingPoints: '60',
      conversion: { points: 2, vouchers: 1 },
    });
  });

  it('let members read the family transfers, and nobody else', async () => {
    const list = await t.request(`/v1/credit-bank/family/groups/${family}/transfers`, { auth: p.minor.token });
    expect(list.status).toBe(200);
    expect((await list.json()).items.length).toBeGreaterThan(0);
    expectProblem(
      await t.request(`/v1/credit-bank/family/groups/${family}/transfers`, { auth: p.otherLearner.token }),
      403,
    );
    expectProblem(await t.request(`/v1/credit-bank/family/groups/${family}/transfers`), 401);
    expectProblem(
      await t.request(`/v1/credit-bank/family/groups/${family}/transfers`, {
        auth: p.otherRegionAdmin.token,
        headers: { 'Lifelong-Region': 'elsewhere' },
      }),
      404,
    );
  });

  it('are sent only by adult elders and parents, to a younger generation of the same family', async () => {
    const cases: [string | undefined, unknown, number, string?][] = [
      [undefined, { to: p.minor.learnerNumber, points: '2' }, 401],
      [p.institution.key, { to: p.minor.learnerNumber, points: '2' }, 403, 'CREDIT_BANK_PEOPLE_ONLY'],
      [p.otherLearner.token, { to: p.minor.learnerNumber, points: '2' }, 403, 'CREDIT_BANK_NOT_A_GROUP_MEMBER'],
      [p.otherRegionAdmin.token, { to: p.minor.learnerNumber, points: '2' }, 403, 'CREDIT_BANK_NOT_A_GROUP_MEMBER'],
      [p.minor.token, { to: parent.learnerNumber, points: '2' }, 403, 'CREDIT_BANK_MINOR_CANNOT_SEND'],
      [parent.token, { to: elder.learnerNumber, points: '2' }, 422, 'CREDIT_BANK_FAMILY_RECEIVER_NOT_YOUNGER'],
      [elder.token, { to: elder.learnerNumber, points: '2' }, 400],
      [elder.token, { to: p.otherLearner.learnerNumber, points: '2' }, 400],
      [elder.token, { to: p.minor.learnerNumber, points: '3' }, 422, 'CREDIT_BANK_FAMILY_INEXACT_CONVERSION'],
      [elder.token, { to: p.minor.learnerNumber, points: '0' }, 400],
      [elder.token, { to: p.minor.learnerNumber, points: 2 }, 400],
      [elder.token, { to: p.minor.learnerNumber }, 400],
    ];
    const before = (await wallet(t, elder.token)).points.balance;
    for (const [auth, json, status, code] of cases) {
      const res = await transfer(family, auth, json);
      expectProblem(res, status);
      if (code) expect((await res.json()).code).toBe(code);
    }
    const badReceiver = await transfer(family, elder.token, { to: p.otherLearner.learnerNumber, points: '2' });
    expect((await badReceiver.json()).errors[0]).toMatchObject({ path: '/body/to', rule: 'family-member' });
    expect((await wallet(t, elder.token)).points.balance).toBe(before);

    // A parent gives to a child; the child may not give back.
    expect((await transfer(family, parent.token, { to: p.minor.learnerNumber, points: '4' })).status).toBe(201);
    expect((await wallet(t, p.minor.token)).vouchers.balance).toBe('22');
  });

  it('refuse a minor even in a sending role', async () => {
    const minor = await t.person({ dateOfBirth: '2012-02-02', guardian: p.guardian });
    const child = await t.person();
    const group = await makeGroup(t, p.guardian, 'family', [
      { person: minor, role: 'parent', guardian: p.guardian },
      { person: child, role: 'child' },
    ]);
    const res = await transfer(group, minor.token, { to: child.learnerNumber, points: '2' });
    expectProblem(res, 403);
    expect((await res.json()).code).toBe('CREDIT_BANK_MINOR_CANNOT_SEND');
  });

  it('happen in family groups only', async () => {
    const member = await t.person();
    const group = await makeGroup(t, p.learner, 'collective', [{ person: member, role: 'member' }]);
    const res = await transfer(group, p.learner.token, { to: member.learnerNumber, points: '2' });
    expectProblem(res, 422);
    expect((await res.json()).code).toBe('CREDIT_BANK_NOT_A_FAMILY');
    expectProblem(await transfer(crypto.randomUUID(), p.learner.token, { to: member.learnerNumber, points: '2' }), 404);
  });

  it('stop at the annual cap and when the sender lacks points, storing nothing', async () => {
    const grandpa = await t.person();
    const kid = await t.person();
    const group = await makeGroup(t, grandpa, 'family', [{ person: kid, role: 'child' }], 'elder');
    const none = await transfer(group, grandpa.token, { to: kid.learnerNumber, points: '10' });
    expectProblem(none, 409);
    expect(await none.json()).toMatchObject({ code: 'CREDIT_BANK_INSUFFICIENT_FUNDS', reason: 'exceedsCredits' });
    expect((await wallet(t, kid.token)).vouchers.balance).toBe('0');

    await givePoints(t, grandpa.token, 500);
    expect((await transfer(group, grandpa.token, { to: kid.learnerNumber, points: '60' })).status).toBe(201);
    const over = await transfer(group, grandpa.token, { to: kid.learnerNumber, points: '42' });
    expectProblem(over, 409);
    expect(await over.json()).toMatchObject({
      code: 'CREDIT_BANK_FAMILY_CAP_EXCEEDED',
      capPoints: '100',
      sentPoints: '60',
      remainingPoints: '40',
    });
    expect((await transfer(group, grandpa.token, { to: kid.learnerNumber, points: '40' })).status).toBe(201);
    expect((await wallet(t, grandpa.token)).points.balance).toBe('400');
    expect((await wallet(t, kid.token)).vouchers.balance).toBe('50');
  });

  it('give vouchers that pay for learning resources only', async () => {
    const offer = async (kind: string) =>
      (
        await t.request('/v1/credit-bank/exchange/resources', {
          method: 'POST',
          auth: p.regionAdmin.token,
          json: { kind, title: `A ${kind}`, price: '5', stock: 3 },
        })
      ).json();
    const course = await offer('course');
    const venue = await offer('venue-time');
    const redeem = (id: string) =>
      t.request(`/v1/credit-bank/exchange/resources/${id}/redemptions`, {
        method: 'POST',
        auth: p.minor.token,
        json: { payWith: 'vouchers' },
      });
    const ok = await redeem(course.id);
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ asset: 'VOUCHER', amount: '5' });
    expect((await wallet(t, p.minor.token)).vouchers).toMatchObject({ held: '5' });
    expectProblem(await redeem(venue.id), 422);
  });

  it.skipIf(!process.env.DATABASE_URL)(
    '(PostgreSQL) parallel transfers never pass the annual cap',
    async () => {
      const grandma = await t.person();
      const kid = await t.person();
      const group = await makeGroup(t, grandma, 'family', [{ person: kid, role: 'child' }], 'elder');
      await givePoints(t, grandma.token, 1000);
      const results = await Promise.all(
        Array.from({ length: 25 }, () => transfer(group, grandma.token, { to: kid.learnerNumber, points: '10' })),
      );
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(10);
      expect(statuses.filter((s) => s === 409)).toHaveLength(15);
      expect((await wallet(t, grandma.token)).points.balance).toBe('900');
      expect((await wallet(t, kid.token)).vouchers.balance).toBe('50');
      const allowance = await (await t.request('/v1/credit-bank/family/allowance', { auth: grandma.token })).json();
      expect(allowance.sentPoints).toBe('100');
    },
    60_000,
  );
});

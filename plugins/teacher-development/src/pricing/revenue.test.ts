import type { TestPerson } from '@lifelong/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedTeacher, fund, type Harness, harness, publishedCourse } from '../test-support.js';

// Money people can see: after a course sale the teacher and the institution find their shares in
// their own account lists (GET /v1/ledger/accounts) and statements; and, where the region accepts
// them, a learner's family vouchers pay for a course. Courses here are priced from publication
// (`freeDays: 0`) at the first tier, 50 POINTs: 35 to the teacher, 10 to the institution, 5 to the platform.

let h: Harness;
let teacher: TestPerson;
let institution: { id: string; key: string };
let course: { id: string };

beforeAll(async () => {
  h = await harness({ regionConfig: { pricing: { freeDays: 0 } } });
  institution = (await h.t.principals()).institution;
  teacher = (await approvedTeacher(h, [institution.id])).person;
  course = await publishedCourse(h, teacher.token, { institutionId: institution.id });
});
afterAll(() => h.t.close());

const enrol = async (person: TestPerson, courseId = course.id) => {
  const res = await h.call('POST', `/courses/${courseId}/enrolments`, { auth: person.token });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { access: string; payment: { asset: string; amount: string } | null };
};

/** The owner's account of `asset` opened for `purpose`, as their own account list shows it. */
async function accountIn(auth: string, asset: string, purpose: string) {
  const found = [];
  for await (const a of h.t.client(auth).ledger.accounts.list.all({})) {
    if (a.asset === asset && a.purpose === purpose) found.push(a);
  }
  expect(found).toHaveLength(1);
  return found[0] as (typeof found)[number];
}

/** A family in which `parent` (funded with POINTs) converts `points` into `child`'s VOUCHERs. */
async function vouchersFor(child: TestPerson, points: number) {
  const parent = await h.t.person({ verified: true });
  await fund(h, parent, BigInt(points));
  const group = await h.t.client(parent.token).groups.create({
    body: { type: 'family', name: `Family ${crypto.randomUUID().slice(0, 8)}`, creatorRole: 'parent' },
  });
  const invited = await h.t.request(`/v1/groups/${group.id}/invitations`, {
    method: 'POST',
    auth: parent.token,
    json: { learnerNumber: child.learnerNumber, role: 'child' },
  });
  expect(invited.status, await invited.clone().text()).toBe(201);
  const accepted = await h.t.request(`/v1/invitations/${(await invited.json()).id}/accept`, {
    method: 'POST',
    auth: child.token,
  });
  expect(accepted.status).toBe(200);
  const sent = await h.t.request(`/v1/credit-bank/family/groups/${group.id}/transfers`, {
    method: 'POST',
    auth: parent.token,
    json: { to: child.learnerNumber, points: String(points) },
  });
  expect(sent.status, await sent.clone().text()).toBe(201);
}

const balances = async (person: TestPerson) => {
  const res = await h.t.request('/v1/credit-bank/wallet', { auth: person.token });
  const wallet = await res.json();
  return { points: wallet.points.balance as string, vouchers: wallet.vouchers.balance as string };
};

describe('revenue people can see', () => {
  it("shows the teacher their share, and the institution's key the institution's, after a sale", async () => {
    const learner = await h.t.person({ verified: true });
    await fund(h, learner, 100n);
    expect((await enrol(learner)).payment).toMatchObject({ asset: 'POINT', amount: '50' });

    const revenue = await accountIn(teacher.token, 'POINT', 'teaching-revenue');
    expect(revenue).toMatchObject({
      owner: { type: 'person', id: teacher.id },
      openedBy: 'credit-bank',
      balance: '35',
    });
    const share = await accountIn(institution.key, 'POINT', 'teaching-revenue');
    expect(share).toMatchObject({ owner: { type: 'institution', id: institution.id }, balance: '10' });

    const statement = await h.t.client(teacher.token).ledger.accounts.statement({
      accountId: revenue.id,
      from: '2026-01-01T00:00:00Z',
      to: '2026-12-31T00:00:00Z',
    });
    expect(statement).toMatchObject({ openingBalance: '0', closingBalance: '35' });
    expect(statement.items.map((e) => e.balanceDelta)).toEqual(['35']);

    // The learner paid, but does not see the teacher's accounts.
    const refused = await h.t
      .client(learner.token)
      .ledger.accounts.list({ ownerType: 'person', ownerId: teacher.id })
      .catch((e) => e.status);
    expect(refused).toBe(403);
  });
});

describe('family vouchers', () => {
  it('do not pay for courses unless the region accepts them', async () => {
    const child = await h.t.person({ verified: true });
    await vouchersFor(child, 80);
    await fund(h, child, 60n);
    expect((await enrol(child)).payment).toMatchObject({ asset: 'POINT', amount: '50' });
    expect(await balances(child)).toEqual({ points: '10', vouchers: '80' });
  });

  describe('where the region accepts them', () => {
    beforeAll(async () => {
      const res = await h.t.request('/v1/regions/default/plugins/teacher-development', {
        method: 'PATCH',
        auth: 'admin',
        json: { config: { pricing: { acceptVouchers: true } } },
      });
      expect(res.status, await res.clone().text()).toBe(200);
    });

    it("pay for a POINT-priced course from the holder's vouchers, and the shares are paid in vouchers", async () => {
      const child = await h.t.person({ verified: true });
      const sibling = await h.t.person({ verified: true });
      await vouchersFor(child, 80);
      await vouchersFor(sibling, 80);
      await fund(h, child, 60n);
      const before = await accountIn(teacher.token, 'POINT', 'teaching-revenue');

      expect((await enrol(child)).payment).toMatchObject({ asset: 'VOUCHER', amount: '50' });
      expect(await balances(child)).toEqual({ points: '60', vouchers: '30' });
      // Only the enrolling learner's own vouchers pay.
      expect(await balances(sibling)).toEqual({ points: '0', vouchers: '80' });
      expect(await accountIn(teacher.token, 'VOUCHER', 'teaching-revenue')).toMatchObject({ balance: '35' });
      expect(await accountIn(institution.key, 'VOUCHER', 'teaching-revenue')).toMatchObject({ balance: '10' });
      expect((await accountIn(teacher.token, 'POINT', 'teaching-revenue')).balance).toBe(before.balance);
    });

    it('leave the wallet to pay when they do not cover the whole price', async () => {
      const child = await h.t.person({ verified: true });
      await vouchersFor(child, 20);
      await fund(h, child, 60n);
      expect((await enrol(child)).payment).toMatchObject({ asset: 'POINT', amount: '50' });
      expect(await balances(child)).toEqual({ points: '10', vouchers: '20' });
    });

    it('refuse a learner whose vouchers and wallet each fall short, moving nothing', async () => {
      const child = await h.t.person({ verified: true });
      await vouchersFor(child, 30);
      await fund(h, child, 40n);
      const res = await h.call('POST', `/courses/${course.id}/enrolments`, { auth: child.token });
      expect(res.status).toBe(409);
      expect((await res.json()).code).toBe('TEACHER_DEVELOPMENT_INSUFFICIENT_FUNDS');
      expect(await balances(child)).toEqual({ points: '40', vouchers: '30' });
    });
  });
});

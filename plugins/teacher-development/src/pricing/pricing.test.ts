import type { TestPerson } from '@lifelong/core/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  approvedTeacher,
  balanceOf,
  expectProblem,
  fund,
  type Harness,
  harness,
  publishedCourse,
  signIn,
} from '../test-support.js';

// One course walks through its life on a movable clock: published on 2 March at 09:00, free for
// seven days, then priced by its tier and its learners' activity.
const DAY = 86_400_000;
const PUBLISHED = new Date('2026-03-02T09:00:00Z');

let h: Harness;
let teacher: TestPerson;
let admin: TestPerson;
let course: { id: string; publishedAt: string };
let institutionId: string;
let freeWeekLearner: TestPerson;
let freeWeekEnrolment: { id: string; lessons: { id: string }[] };

/** Moves the clock and signs everyone in again (sessions live an hour on the platform clock). */
async function at<T extends TestPerson[]>(ms: number, ...people: T): Promise<{ [K in keyof T]: TestPerson }> {
  h.clock.now = new Date(PUBLISHED.getTime() + ms);
  return (await Promise.all(people.map((p) => signIn(h.t, p)))) as { [K in keyof T]: TestPerson };
}

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await h.t.platform.database.db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

const quote = async (auth: string) => (await h.call('GET', `/courses/${course.id}/price`, { auth })).json();

beforeAll(async () => {
  h = await harness();
  const principals = await h.t.principals();
  institutionId = principals.institution.id;
  admin = principals.regionAdmin;
  const t = await approvedTeacher(h, [institutionId]);
  teacher = t.person;
  course = await publishedCourse(h, teacher.token, { institutionId });
  expect(course.publishedAt).toBe(PUBLISHED.toISOString());
});
afterAll(() => h.t.close());

describe('the free week', () => {
  it('makes the course free on day 1 and still on day 7, and enrols without charge', async () => {
    freeWeekLearner = await h.t.person({ verified: true });
    expect(await quote(freeWeekLearner.token)).toMatchObject({
      phase: 'free-week',
      price: '0',
      freeUntil: '2026-03-09T09:00:00.000Z',
    });
    [freeWeekLearner] = await at(7 * DAY - 60_000, freeWeekLearner);
    expect((await quote(freeWeekLearner.token)).phase).toBe('free-week');
    const res = await h.call('POST', `/courses/${course.id}/enrolments`, { auth: freeWeekLearner.token });
    expect(res.status).toBe(201);
    freeWeekEnrolment = await res.json();
    expect(freeWeekEnrolment).toMatchObject({ access: 'free-week', payment: null });
  });
});

describe('after the free week', () => {
  it('prices the course by its tier on a schedule, recording the figures', async () => {
    [admin, teacher] = await at(7 * DAY + 3_600_000, admin, teacher);
    expect(await quote(admin.token)).toMatchObject({ phase: 'priced', price: null });
    await h.t.runJob('teacher-development', 'recompute-prices');
    expect(await quote(admin.token)).toMatchObject({
      phase: 'priced',
      asset: 'POINT',
      price: '50',
      figures: { users: 1, tierMinUsers: 0, tierPrice: '50', hasLearningRecords: false, activeLearners: 0 },
    });
    // Recomputing without a change records nothing new.
    await h.t.runJob('teacher-development', 'recompute-prices');
    const history = await (await h.call('GET', `/courses/${course.id}/price-history`, { auth: teacher.token })).json();
    expect(history.items).toHaveLength(1);
    expect(history.items[0]).toMatchObject({ price: '50', previousPrice: null, reason: 'schedule' });
  });

  it('lets learners who enrolled in the free week keep their access, at no charge', async () => {
    [freeWeekLearner] = await at(7 * DAY + 3_600_000 + 600_000, freeWeekLearner);
    const res = await h.call(
      'POST',
      `/enrolments/${freeWeekEnrolment.id}/lessons/${freeWeekEnrolment.lessons[0]?.id}/events`,
      { auth: freeWeekLearner.token, json: { type: 'progressed', secondsSpent: 300, percent: 50 } },
    );
    expect(res.status).toBe(200);
    const again = await h.call('POST', `/courses/${course.id}/enrolments`, { auth: freeWeekLearner.token });
    expect(again.status).toBe(200);
    expect((await again.json()).access).toBe('free-week');
  });

  it('refuses a learner without enough points with 409, enrolling nothing and moving nothing', async () => {
    const poor = await h.t.person();
    const wallet = await fund(h, poor, 10n);
    const res = await h.call('POST', `/courses/${course.id}/enrolments`, { auth: poor.token });
    const problem = await expectProblem(res, 409, 'TEACHER_DEVELOPMENT_INSUFFICIENT_FUNDS');
    expect(problem).toMatchObject({ price: '50', balance: '10', asset: 'POINT' });
    expect((await (await h.call('GET', '/enrolments', { auth: poor.token })).json()).items).toEqual([]);
    expect(await balanceOf(h, wallet)).toBe(10n);
  });

  it('follows the activity of its learners when recomputed on demand', async () => {
    // Two users, one of them active in the window: 50 × (1 + 0.5 × 1/2) = 62.5 → 63 (half up).
    const payer = await h.t.person();
    await fund(h, payer, 50n);
    expect((await h.call('POST', `/courses/${course.id}/enrolments`, { auth: payer.token })).status).toBe(201);
    const res = await h.call('POST', `/courses/${course.id}/price`, { auth: admin.token });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      price: '63',
      figures: { users: 2, hasLearningRecords: true, activeLearners: 1, activityFactorBps: 5000 },
    });
    const history = await (await h.call('GET', `/courses/${course.id}/price-history`, { auth: admin.token })).json();
    expect(history.items.map((c: { price: string; reason: string }) => [c.price, c.reason])).toEqual([
      ['50', 'schedule'],
      ['63', 'on-demand'],
    ]);
    expect(history.items[1].previousPrice).toBe('50');
  });

  it('splits an awkward payment exactly between teacher, institution and platform, in one linked chain', async () => {
    const learner = await h.t.person();
    const wallet = await fund(h, learner, 100n);
    const res = await h.call('POST', `/courses/${course.id}/enrolments`, { auth: learner.token });
    expect(res.status).toBe(201);
    const { payment, access } = await res.json();
    expect(access).toBe('paid');
    // 63 points: teacher floor(63 × 70%) = 44, institution floor(63 × 20%) = 12, platform the rest, 7.
    expect(payment).toMatchObject({
      asset: 'POINT',
      amount: '63',
      shares: { teacher: '44', institution: '12', platform: '7' },
    });
    expect(await balanceOf(h, wallet)).toBe(37n);

    const transfers = await Promise.all(
      payment.transferIds.map(async (id: string) =>
        (await h.t.request(`/v1/ledger/transfers/${id}`, { auth: 'admin' })).json(),
      ),
    );
    expect(transfers.map((t) => [t.amount, t.linked])).toEqual([
      ['63', true],
      ['44', true],
      ['12', true],
      ['7', false],
    ]);
    expect(transfers.map((t) => t.code)).toEqual([6001, 6002, 6003, 6004]);
    // Everything the learner paid left the clearing account again.
    const clearing = transfers[0].creditAccountId;
    expect(transfers.slice(1).every((t) => t.debitAccountId === clearing)).toBe(true);
    const [teacherLeg, institutionLeg] = transfers.slice(1);
    const owners = await rows<{ owner_type: string; owner_id: string; purpose: string; account_id: string }>(
      sql`select owner_type, owner_id, purpose, account_id::text from credit_bank.accounts where account_id in (${teacherLeg.creditAccountId}, ${institutionLeg.creditAccountId})`,
    );
    expect(owners).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ owner_type: 'institution', owner_id: institutionId, purpose: 'teaching-revenue' }),
        expect.objectContaining({ owner_type: 'person', purpose: 'teaching-revenue' }),
      ]),
    );
  });

  it.skipIf(!process.env.DATABASE_URL)(
    'charges a learner once when they enrol twice at the same moment (PostgreSQL)',
    async () => {
      const learner = await h.t.person();
      const wallet = await fund(h, learner, 200n);
      const results = await Promise.all(
        [1, 2, 3].map(() => h.call('POST', `/courses/${course.id}/enrolments`, { auth: learner.token })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 200, 201]);
      expect(await balanceOf(h, wallet)).toBe(137n);
    },
  );
});

describe('authorization', () => {
  it('lets only pricing managers of the region recompute, and the teacher or managers read the history', async () => {
    const { learner, otherRegionAdmin } = await h.t.principals();
    const [l, other] = await Promise.all([signIn(h.t, learner), signIn(h.t, otherRegionAdmin)]);
    await expectProblem(await h.call('POST', `/courses/${course.id}/price`, { auth: l.token }), 403);
    await expectProblem(await h.call('POST', `/courses/${course.id}/price`, { auth: other.token }), 403);
    await expectProblem(await h.call('POST', `/courses/${course.id}/price`, { auth: teacher.token }), 403);
    await expectProblem(await h.call('GET', `/courses/${course.id}/price-history`, { auth: l.token }), 403);
  });

  it.each([
    ['GET', '/courses/01900000-0000-7000-8000-000000000000/price'],
    ['POST', '/courses/01900000-0000-7000-8000-000000000000/price'],
    ['GET', '/courses/01900000-0000-7000-8000-000000000000/price-history'],
    ['GET', '/wallet'],
  ])('%s %s answers 401 to anonymous callers', async (method, path) => {
    await expectProblem(await h.call(method, path), 401);
  });
});

import type { TestPerson, TestPrincipals } from '@lifelong/core/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Response } from '../shared/items.js';
import { bankWithItems, type Harness, harness, openForm, refused, scored } from '../test-support.js';

let h: Harness;
let p: TestPrincipals;
let author: TestPerson;
let bank: { id: string };
let itemIds: string[];
beforeAll(async () => {
  h = await harness();
  p = await h.t.principals();
  author = await h.t.person({ verified: true });
  ({ bank, itemIds } = await bankWithItems(h, author.token));
});
afterAll(() => h.t.close());
beforeEach(() => {
  scored.length = 0;
});

/** What an author's key looks like in JSON: none of it may reach the taker. */
const SECRETS = [
  'correctOptionId',
  'correctOptionIds',
  'correctOrder',
  'acceptedAnswers',
  'tolerance',
  'Au-secret',
  '"key":{',
];
const expectNoKeys = (value: unknown) => {
  const json = JSON.stringify(value);
  for (const secret of SECRETS) expect(json).not.toContain(secret);
};

/** The right answers to the sample items, but for the multiple choice item (one wrong pick). */
const answers: Response[] = [
  { optionIds: ['paris'] },
  { optionIds: ['two', 'three', 'four'] },
  { number: 3.143 },
  { text: '  au-SECRET ' },
  { order: ['one', 'ten', 'hundred', 'thousand'] },
];

async function answerAll(token: string, attemptId: string, upTo = answers.length) {
  for (let i = 0; i < upTo; i++) {
    await h.as(token).attempts.responses.save({ attemptId, position: i + 1, body: answers[i] as Response });
  }
}

describe('an attempt', () => {
  it('shows prompts and options only, and is scored on submission', async () => {
    const learner = await h.t.person({ verified: true });
    const form = await openForm(h, author.token, bank.id, itemIds, { passPercent: 60 });
    const api = h.as(learner.token);
    const started = await api.forms.attempts.start({ formId: form.id });
    expect(started).toMatchObject({
      status: 'inProgress',
      startedAt: h.clock.now.toISOString(),
      expiresAt: new Date(h.clock.now.getTime() + 600_000).toISOString(),
      result: null,
    });
    expect(started.items.map((i) => i.prompt.kind)).toEqual([
      'singleChoice',
      'multipleChoice',
      'numeric',
      'shortAnswer',
      'ordering',
    ]);
    expect(started.items[0]?.prompt.options).toEqual([
      { id: 'lyon', text: 'Lyon' },
      { id: 'paris', text: 'Paris' },
    ]);
    expect(started.items[4]?.prompt.options?.map((o) => o.id).sort()).toEqual(['hundred', 'one', 'ten', 'thousand']);
    expectNoKeys(started);

    await answerAll(learner.token, started.id);
    const during = await api.attempts.get({ attemptId: started.id });
    expect(during.items.map((i) => i.response)).toEqual(answers);
    expectNoKeys(during);
    expectNoKeys(await api.attempts.list({}));

    h.tick(120);
    const done = await api.attempts.submit({ attemptId: started.id });
    // 1 + 2·(2 right − 1 wrong)/3 (rounded down in thousandths) + 1 + 1 + 1 = 4.666 of 6.
    expect(done).toMatchObject({
      status: 'scored',
      timedOut: false,
      submittedAt: h.clock.now.toISOString(),
      result: { scorePercent: 77.76, passed: true, earnedPoints: 4.666, maxPoints: 6 },
    });
    expect(done.items.map((i) => i.earnedPoints)).toEqual([1, 0.666, 1, 1, 1]);
    // The form does not reveal answers: still no keys after submission.
    expectNoKeys(done);
    expectNoKeys(await api.attempts.get({ attemptId: started.id }));
    await refused(api.attempts.submit({ attemptId: started.id }), 409, 'ASSESSMENTS_ATTEMPT_SUBMITTED');
    await refused(
      api.attempts.responses.save({ attemptId: started.id, position: 1, body: { optionIds: ['lyon'] } }),
      409,
      'ASSESSMENTS_ATTEMPT_SUBMITTED',
    );

    await h.t.drainEvents();
    expect(scored).toEqual([
      expect.objectContaining({
        attemptId: started.id,
        personId: learner.id,
        formId: form.id,
        scorePercent: 77.76,
        passed: true,
        timedOut: false,
      }),
    ]);
    const best = await (await h.t.request(`/v1/assessments-probe/best/${learner.id}/${form.id}`)).json();
    expect(best).toEqual({ passed: true, scorePercent: 77.76, submittedAt: done.submittedAt });
  });

  it('reveals the correct answers after submission when the form allows, never before', async () => {
    const learner = await h.t.person({ verified: true });
    const form = await openForm(h, author.token, bank.id, itemIds, { revealAnswers: true });
    const api = h.as(learner.token);
    const started = await api.forms.attempts.start({ formId: form.id });
    expectNoKeys(started);
    await answerAll(learner.token, started.id, 1);
    expectNoKeys(await api.attempts.get({ attemptId: started.id }));
    const done = await api.attempts.submit({ attemptId: started.id });
    expect(done.items.map((i) => i.key)).toEqual([
      { correctOptionId: 'paris' },
      { correctOptionIds: ['two', 'three', 'five'] },
      { value: 3.14, tolerance: 0.005 },
      { acceptedAnswers: ['Au-secret'] },
      { correctOrder: ['one', 'ten', 'hundred', 'thousand'] },
    ]);
    expect(done.result).toMatchObject({ earnedPoints: 1, passed: false });
  });

  it('runs on the server clock: answers at or after expiresAt are refused, a late submit scores what was saved', async () => {
    const learner = await h.t.person({ verified: true });
    const form = await openForm(h, author.token, bank.id, itemIds, { timeLimitSeconds: 60, passPercent: 10 });
    const api = h.as(learner.token);
    const started = await api.forms.attempts.start({ formId: form.id });
    await answerAll(learner.token, started.id, 2);
    h.tick(60);
    const problem = await refused(
      api.attempts.responses.save({ attemptId: started.id, position: 3, body: { number: 3.14 } }),
      409,
      'ASSESSMENTS_ATTEMPT_EXPIRED',
    );
    expect(problem.expiresAt).toBe(started.expiresAt);
    h.tick(3600);
    const late = await api.attempts.submit({ attemptId: started.id });
    expect(late).toMatchObject({
      timedOut: true,
      submittedAt: started.expiresAt,
      result: { earnedPoints: 1.666, passed: true },
    });
    expect(late.items[2]?.response).toBeNull();
  });

  it('left to run out is scored by the job, once', async () => {
    const learner = await h.t.person({ verified: true });
    const form = await openForm(h, author.token, bank.id, itemIds, { timeLimitSeconds: 60 });
    const started = await h.as(learner.token).forms.attempts.start({ formId: form.id });
    await answerAll(learner.token, started.id);
    await h.t.runJob('assessments', 'score-overdue-attempts');
    expect((await h.as(learner.token).attempts.get({ attemptId: started.id })).status).toBe('inProgress');
    h.tick(61);
    await h.t.runJob('assessments', 'score-overdue-attempts');
    await h.t.runJob('assessments', 'score-overdue-attempts');
    const after = await h.as(learner.token).attempts.get({ attemptId: started.id });
    expect(after).toMatchObject({ status: 'scored', timedOut: true, submittedAt: started.expiresAt });
    await h.t.drainEvents();
    expect(scored.filter((e) => e.attemptId === started.id)).toHaveLength(1);
  });

  it('refuses responses that do not fit the item, naming the field', async () => {
    const learner = await h.t.person({ verified: true });
    const form = await openForm(h, author.token, bank.id, itemIds);
    const api = h.as(learner.token);
    const { id } = await api.forms.attempts.start({ formId: form.id });
    const save = (position: number, body: unknown) =>
      api.attempts.responses.save({ attemptId: id, position, body: body as Response });
    const cases: [number, unknown, string, string][] = [
      [1, { number: 1 }, '/body', 'fitsItem'],
      [1, { optionIds: ['rome'] }, '/body/optionIds/0', 'optionExists'],
      [1, { optionIds: ['lyon', 'paris'] }, '/body/optionIds', 'singleChoice'],
      [5, { order: ['one', 'ten'] }, '/body/order', 'permutation'],
      [3, { text: '3.14' }, '/body', 'fitsItem'],
    ];
    for (const [position, body, path, rule] of cases) {
      const problem = await refused(save(position, body), 400, 'VALIDATION_FAILED');
      expect(problem.errors?.[0]).toMatchObject({ path, rule });
    }
    await refused(save(6, { number: 1 }), 404, 'ASSESSMENTS_ATTEMPT_NOT_FOUND');
    await refused(save(1, { optionIds: ['paris'], extra: 1 }), 400);
  });
});

describe('attempt limits and cooldowns', () => {
  it('allow one attempt in progress, wait out the cooldown, stop at the limit', async () => {
    const learner = await h.t.person({ verified: true });
    const form = await openForm(h, author.token, bank.id, itemIds, { maxAttempts: 2, cooldownSeconds: 300 });
    const api = h.as(learner.token);
    const first = await api.forms.attempts.start({ formId: form.id });
    await refused(api.forms.attempts.start({ formId: form.id }), 409, 'ASSESSMENTS_ATTEMPT_IN_PROGRESS');
    h.tick(30);
    await api.attempts.submit({ attemptId: first.id });
    h.tick(299);
    const cooling = await refused(api.forms.attempts.start({ formId: form.id }), 409, 'ASSESSMENTS_COOLDOWN');
    expect(cooling.retryAt).toBe(new Date(h.clock.now.getTime() + 1000).toISOString());
    h.tick(1);
    const second = await api.forms.attempts.start({ formId: form.id });
    await api.attempts.submit({ attemptId: second.id });
    h.tick(10_000);
    const limit = await refused(
      api.forms.attempts.start({ formId: form.id }),
      409,
      'ASSESSMENTS_ATTEMPT_LIMIT_REACHED',
    );
    expect(limit.maxAttempts).toBe(2);
    expect((await api.attempts.list({ formId: form.id })).items.map((a) => a.id)).toEqual([first.id, second.id]);
  });

  it('count a timed-out attempt, and its deadline starts the cooldown', async () => {
    const learner = await h.t.person({ verified: true });
    const form = await openForm(h, author.token, bank.id, itemIds, { timeLimitSeconds: 60, cooldownSeconds: 120 });
    const api = h.as(learner.token);
    const first = await api.forms.attempts.start({ formId: form.id });
    h.tick(100);
    // The overdue attempt is closed as the new one is asked for; the cooldown runs from its deadline.
    const problem = await refused(api.forms.attempts.start({ formId: form.id }), 409, 'ASSESSMENTS_COOLDOWN');
    expect(problem.retryAt).toBe(new Date(Date.parse(first.expiresAt) + 120_000).toISOString());
    h.tick(80);
    const second = await api.forms.attempts.start({ formId: form.id });
    expect(second.id).not.toBe(first.id);
    expect((await api.attempts.get({ attemptId: first.id })).status).toBe('scored');
  });

  it('let exactly one of parallel starts through', async () => {
    const learner = await h.t.person({ verified: true });
    const form = await openForm(h, author.token, bank.id, itemIds, { maxAttempts: 1 });
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => h.as(learner.token).forms.attempts.start({ formId: form.id })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await h.as(learner.token).attempts.list({ formId: form.id })).items).toHaveLength(1);
  });
});

describe('who sees answers', () => {
  it('authors see results without answers; readers with assessments.attempts.read see everything', async () => {
    const learner = await h.t.person({ verified: true });
    const form = await openForm(h, author.token, bank.id, itemIds);
    const started = await h.as(learner.token).forms.attempts.start({ formId: form.id });
    await answerAll(learner.token, started.id);
    await h.as(learner.token).attempts.submit({ attemptId: started.id });

    await refused(h.as(author.token).attempts.get({ attemptId: started.id }), 404, 'ASSESSMENTS_ATTEMPT_NOT_FOUND');
    const results = await h.as(author.token).forms.attempts.list({ formId: form.id });
    expect(results.items).toEqual([
      expect.objectContaining({
        id: started.id,
        personId: learner.id,
        result: expect.objectContaining({ passed: true }),
      }),
    ]);
    expect(JSON.stringify(results)).not.toContain('au-SECRET');

    const read = await h.as(p.regionAdmin.token).attempts.get({ attemptId: started.id });
    expect(read.items.map((i) => i.response)).toEqual(answers);
    expect(read.items[0]?.key).toEqual({ correctOptionId: 'paris' });
    await refused(h.as(p.otherRegionAdmin.token).attempts.get({ attemptId: started.id }), 404);
    await refused(h.as(p.otherLearner.token).attempts.get({ attemptId: started.id }), 404);
  });
});

import type { TestPerson } from '@lifelong/core/testing';
import assessmentsClient from '@lifelong/plugin-assessments/client';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import client from '../client.js';
import {
  approvedTeacher,
  courseContent,
  expectProblem,
  type Harness,
  harness,
  publishedCourse,
  watchLesson,
} from '../test-support.js';

// #17 item 2: where a region requires it, completing a course version that names an assessments
// form also needs a passed attempt at that form — on top of the engaged time, never instead of it.

const REQUIRED = { learning: { completion: { requireAssessmentPassed: true } } };

/** One single-choice item; 60 % to pass, so the one answer decides. */
async function openForm(h: Harness, author: TestPerson) {
  const api = h.t.client(author.token, [assessmentsClient]).assessments;
  const bank = await api.banks.create({ body: { title: 'Fractions check' } });
  const { itemIds } = await api.banks.import({
    bankId: bank.id,
    body: {
      format: 'lifelong.assessments.items',
      version: 1,
      items: [
        {
          kind: 'singleChoice',
          prompt: 'Which is larger?',
          options: [
            { id: 'half', text: '1/2' },
            { id: 'third', text: '1/3' },
          ],
          key: { correctOptionId: 'half' },
        },
      ],
    },
  });
  return api.banks.forms.create({
    bankId: bank.id,
    body: {
      title: 'Fractions quiz',
      selection: { kind: 'fixed', itemIds },
      timeLimitSeconds: 600,
      passPercent: 60,
      status: 'open',
    },
  });
}

/** The learner takes the form once, answering `optionId`; answers the scored attempt. */
async function attempt(h: Harness, learner: TestPerson, formId: string, optionId: string) {
  const api = h.t.client(learner.token, [assessmentsClient]).assessments;
  const started = await api.forms.attempts.start({ formId });
  await api.attempts.responses.save({ attemptId: started.id, position: 1, body: { optionIds: [optionId] } });
  return api.attempts.submit({ attemptId: started.id });
}

/** A published one-lesson course (60 s of engaged time by default) naming the form, if any. */
async function courseWithForm(h: Harness, teacher: TestPerson, assessmentFormId?: string) {
  const content = { ...courseContent(1), ...(assessmentFormId ? { assessmentFormId } : {}) };
  return publishedCourse(h, teacher.token, { content });
}

async function enrolIn(h: Harness, courseId: string) {
  const learner = await h.t.person({ verified: true });
  const td = h.t.client(learner.token, [client]).teacherDevelopment;
  const enrolment = await td.courses.enrolments.create({ courseId });
  return { learner, enrolment };
}

async function recordsFor(h: Harness, enrolmentId: string) {
  const result = await h.t.platform.database.db.execute(
    sql`select count(*)::int as n from credit_bank.records where source = 'teacher-development' and source_ref = ${enrolmentId}`,
  );
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { n: number }[];
  return rows[0]?.n ?? 0;
}

describe('a region requiring a passed assessment', () => {
  let h: Harness;
  let teacher: TestPerson;
  let form: { id: string };
  let course: { id: string };
  beforeAll(async () => {
    h = await harness({ regionConfig: REQUIRED });
    teacher = (await approvedTeacher(h)).person;
    form = await openForm(h, teacher);
    course = await courseWithForm(h, teacher, form.id);
  });
  afterAll(() => h.t.close());

  it('shows the form a course version names', async () => {
    const td = h.t.client(teacher.token, [client]).teacherDevelopment;
    const shown = await td.courses.get({ courseId: course.id });
    expect(shown.live?.assessmentFormId).toBe(form.id);
  });

  it('attack: engaged time without any attempt completes nothing and earns no credits', async () => {
    const { learner, enrolment } = await enrolIn(h, course.id);
    const lessonId = enrolment.lessons[0]?.id as string;
    const refused = await expectProblem(
      await watchLesson(h, enrolment.id, lessonId, learner.token),
      409,
      'TEACHER_DEVELOPMENT_COMPLETION_EVIDENCE_MISSING',
    );
    expect(refused.lessons).toEqual([]);
    expect(refused.assessment).toEqual({ formId: form.id, bestScorePercent: null });
    expect(refused.detail).toContain(form.id);
    const after = await h.t.client(learner.token, [client]).teacherDevelopment.enrolments.get({
      enrolmentId: enrolment.id,
    });
    expect(after.completedAt).toBeNull();
    expect(after.award).toBeNull();
    expect(await recordsFor(h, enrolment.id)).toBe(0);
  });

  it('acceptance: a failed attempt is named with its score; after passing, completion earns the credits once', async () => {
    const { learner, enrolment } = await enrolIn(h, course.id);
    const lessonId = enrolment.lessons[0]?.id as string;
    const failed = await attempt(h, learner, form.id, 'third');
    expect(failed.result).toMatchObject({ passed: false, scorePercent: 0 });
    const refused = await expectProblem(
      await watchLesson(h, enrolment.id, lessonId, learner.token),
      409,
      'TEACHER_DEVELOPMENT_COMPLETION_EVIDENCE_MISSING',
    );
    expect(refused.assessment).toEqual({ formId: form.id, bestScorePercent: 0 });
    expect(await recordsFor(h, enrolment.id)).toBe(0);

    const passed = await attempt(h, learner, form.id, 'half');
    expect(passed.result).toMatchObject({ passed: true, scorePercent: 100 });
    // The refused completion recorded nothing; its engaged time is still there to claim.
    const td = h.t.client(learner.token, [client]).teacherDevelopment;
    const completed = await td.enrolments.lessons.events.record({
      enrolmentId: enrolment.id,
      lessonId,
      body: { type: 'completed', secondsSpent: 60 },
    });
    expect(completed.completedAt).toBe(h.clock.now.toISOString());
    // 4.5 h at the default 25 h per credit: 1 minor unit (0.1 credit).
    expect(completed.award).toMatchObject({ status: 'awarded', credits: '1' });
    const replay = await td.enrolments.lessons.events.record({
      enrolmentId: enrolment.id,
      lessonId,
      body: { type: 'completed', secondsSpent: 60 },
    });
    expect(replay.award).toEqual(completed.award);
    expect(await recordsFor(h, enrolment.id)).toBe(1);
  });

  it('keeps the engaged-time rule too: a passed attempt does not replace watching', async () => {
    const { learner, enrolment } = await enrolIn(h, course.id);
    const lessonId = enrolment.lessons[0]?.id as string;
    await attempt(h, learner, form.id, 'half');
    const rushed = await expectProblem(
      await watchLesson(h, enrolment.id, lessonId, learner.token, { seconds: 30, step: 30 }),
      409,
      'TEACHER_DEVELOPMENT_COMPLETION_EVIDENCE_MISSING',
    );
    expect(rushed.lessons).toEqual([
      { lessonId, position: 1, requiredSeconds: 60, engagedSeconds: 30, missingSeconds: 30 },
    ]);
    expect(rushed.assessment).toBeUndefined();
    expect(await recordsFor(h, enrolment.id)).toBe(0);
  });

  it('another learner passing does not count for this one', async () => {
    const other = await h.t.person({ verified: true });
    await attempt(h, other, form.id, 'half');
    const { learner, enrolment } = await enrolIn(h, course.id);
    const res = await watchLesson(h, enrolment.id, enrolment.lessons[0]?.id as string, learner.token);
    expect((await expectProblem(res, 409)).assessment).toEqual({ formId: form.id, bestScorePercent: null });
  });

  it('a course naming no form has no assessment rule', async () => {
    const plain = await courseWithForm(h, teacher);
    const { learner, enrolment } = await enrolIn(h, plain.id);
    const done = await watchLesson(h, enrolment.id, enrolment.lessons[0]?.id as string, learner.token);
    expect(done.status).toBe(200);
    expect((await done.json()).award).toMatchObject({ status: 'awarded', credits: '1' });
  });

  it('refuses a form id that is not a uuid, naming the field', async () => {
    const res = await h.call('POST', '/courses', {
      auth: teacher.token,
      json: { ...courseContent(1), assessmentFormId: 'quiz-1' },
    });
    const problem = await expectProblem(res, 400);
    expect(JSON.stringify(problem)).toContain('/body/assessmentFormId');
  });
});

describe('a region not requiring one', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
  });
  afterAll(() => h.t.close());

  it('completes a course naming a form without any attempt', async () => {
    const teacher = (await approvedTeacher(h)).person;
    const form = await openForm(h, teacher);
    const course = await courseWithForm(h, teacher, form.id);
    const { learner, enrolment } = await enrolIn(h, course.id);
    const done = await watchLesson(h, enrolment.id, enrolment.lessons[0]?.id as string, learner.token);
    expect(done.status).toBe(200);
    expect((await done.json()).award).toMatchObject({ status: 'awarded', credits: '1' });
    expect(await recordsFor(h, enrolment.id)).toBe(1);
  });
});

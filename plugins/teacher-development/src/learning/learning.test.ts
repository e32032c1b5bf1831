import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  approvedTeacher,
  expectProblem,
  type Harness,
  harness,
  publishedCourse,
  watchLesson,
} from '../test-support.js';

let h: Harness;
let teacher: Awaited<ReturnType<typeof approvedTeacher>>;
beforeAll(async () => {
  h = await harness();
  teacher = await approvedTeacher(h);
});
afterAll(() => h.t.close());

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await h.t.platform.database.db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

const event = (enrolment: { id: string }, lessonId: string, json: unknown, auth: string) =>
  h.call('POST', `/enrolments/${enrolment.id}/lessons/${lessonId}/events`, { auth, json });

describe('enrolment in the free week', () => {
  it('is free, keeps the live version, and is idempotent', async () => {
    const learner = await h.t.person({ verified: true });
    const course = await publishedCourse(h, teacher.person.token);
    const res = await h.call('POST', `/courses/${course.id}/enrolments`, { auth: learner.token });
    expect(res.status).toBe(201);
    const enrolment = await res.json();
    expect(enrolment).toMatchObject({ courseId: course.id, version: 1, access: 'free-week', payment: null });
    expect(enrolment.lessons).toHaveLength(2);
    const again = await h.call('POST', `/courses/${course.id}/enrolments`, { auth: learner.token });
    expect(again.status).toBe(200);
    expect((await again.json()).id).toBe(enrolment.id);
    const mine = await (await h.call('GET', '/enrolments', { auth: learner.token })).json();
    expect(mine.items.map((e: { id: string }) => e.id)).toEqual([enrolment.id]);
  });
});

describe('progress and completion', () => {
  it('folds lesson events, completes the course on the last lesson, and awards credits exactly once', async () => {
    const learner = await h.t.person({ verified: true });
    const course = await publishedCourse(h, teacher.person.token, { lessons: 2 });
    const enrolment = await (await h.call('POST', `/courses/${course.id}/enrolments`, { auth: learner.token })).json();
    const [first, second] = enrolment.lessons;

    const tick = (seconds: number) => {
      h.clock.now = new Date(h.clock.now.getTime() + seconds * 1000);
    };
    await event(enrolment, first.id, { type: 'started', secondsSpent: 0 }, learner.token);
    tick(120);
    await event(enrolment, first.id, { type: 'progressed', secondsSpent: 120, percent: 40 }, learner.token);
    tick(200);
    const afterFirst = await (
      await event(enrolment, first.id, { type: 'completed', secondsSpent: 200 }, learner.token)
    ).json();
    expect(afterFirst.lessons[0].progress).toMatchObject({ state: 'completed', percent: 100, secondsSpent: 320 });
    expect(afterFirst.completedAt).toBeNull();

    // 600 claimed after 90 s on the clock: 90 are credited (the wall-clock bound).
    tick(90);
    const done = await event(enrolment, second.id, { type: 'completed', secondsSpent: 600 }, learner.token);
    expect(done.status).toBe(200);
    const completed = await done.json();
    expect(completed.lessons[1].progress.secondsSpent).toBe(90);
    // The completion's time is the server's clock, never a client's.
    expect(completed.completedAt).toBe(h.clock.now.toISOString());
    // 4.5 h at the default 25 h per credit: floor(4.5 / 25 × 10) = 1 minor unit (0.1 credit).
    expect(completed.award).toMatchObject({ status: 'awarded', credits: '1' });

    // Completing again changes nothing: one record, one event.
    const replay = await (
      await event(enrolment, second.id, { type: 'completed', secondsSpent: 5 }, learner.token)
    ).json();
    expect(replay.award).toEqual(completed.award);
    const records = await rows<{ n: number }>(
      sql`select count(*)::int as n from credit_bank.records where source = 'teacher-development' and source_ref = ${enrolment.id}`,
    );
    expect(records[0]?.n).toBe(1);
    const events = await rows<{ payload: Record<string, unknown> }>(
      sql`select payload from core.events where name = 'teacher-development.course.completed' and key = ${learner.id}`,
    );
    expect(events).toEqual([
      {
        payload: {
          enrolmentId: enrolment.id,
          courseId: course.id,
          version: 1,
          personId: learner.id,
          regionId: 'default',
          recordId: completed.award.recordId,
          credits: '1',
          points: completed.award.points,
        },
      },
    ]);
  });

  it('leaves an unverified learner’s completion unawarded until they verify and ask again', async () => {
    const learner = await h.t.person();
    const course = await publishedCourse(h, teacher.person.token, { lessons: 1 });
    const enrolment = await (await h.call('POST', `/courses/${course.id}/enrolments`, { auth: learner.token })).json();
    const award = () => h.call('POST', `/enrolments/${enrolment.id}/award`, { auth: learner.token });
    await expectProblem(await award(), 409, 'TEACHER_DEVELOPMENT_NOT_YET_AWARDABLE');
    const done = await (await watchLesson(h, enrolment.id, enrolment.lessons[0].id, learner.token)).json();
    expect(done.completedAt).not.toBeNull();
    expect(done.award).toBeNull();
    await expectProblem(await award(), 409, 'TEACHER_DEVELOPMENT_NOT_YET_AWARDABLE');
    const verified = await h.t.request(`/v1/people/${learner.learnerNumber}/verification`, {
      method: 'POST',
      auth: 'admin',
      json: { decision: 'approve', evidence: { kind: 'document-check', reference: 'late' } },
    });
    expect(verified.ok).toBe(true);
    const awarded = await award();
    expect(awarded.status).toBe(200);
    expect((await awarded.json()).award.status).toBe('awarded');
    expect((await (await award()).json()).award.status).toBe('awarded');
  });
});

describe('ratings', () => {
  it('come from enrolled learners only, one each, editable', async () => {
    const learner = await h.t.person();
    const stranger = await h.t.person();
    const course = await publishedCourse(h, teacher.person.token);
    await expectProblem(
      await h.call('PUT', `/courses/${course.id}/rating`, { auth: stranger.token, json: { stars: 1 } }),
      403,
      'TEACHER_DEVELOPMENT_NOT_ENROLLED',
    );
    await h.call('POST', `/courses/${course.id}/enrolments`, { auth: learner.token });
    const first = await h.call('PUT', `/courses/${course.id}/rating`, {
      auth: learner.token,
      json: { stars: 3, review: 'Good' },
    });
    expect(first.status).toBe(201);
    const edited = await h.call('PUT', `/courses/${course.id}/rating`, { auth: learner.token, json: { stars: 5 } });
    expect(edited.status).toBe(200);
    const summary = await (await h.call('GET', `/courses/${course.id}/ratings`, { auth: stranger.token })).json();
    expect(summary).toMatchObject({ count: 1, average: null, items: [], mine: null });
    const own = await (await h.call('GET', `/courses/${course.id}/ratings`, { auth: learner.token })).json();
    expect(own.mine).toMatchObject({ personId: learner.id, stars: 5, review: null });
  });
});

describe('authorization', () => {
  it('keeps enrolments private to their learner', async () => {
    const learner = await h.t.person();
    const { otherLearner, regionAdmin } = await h.t.principals();
    const course = await publishedCourse(h, teacher.person.token);
    const enrolment = await (await h.call('POST', `/courses/${course.id}/enrolments`, { auth: learner.token })).json();
    for (const auth of [otherLearner.token, regionAdmin.token, teacher.person.token]) {
      await expectProblem(await h.call('GET', `/enrolments/${enrolment.id}`, { auth }), 404);
      await expectProblem(
        await event(enrolment, enrolment.lessons[0].id, { type: 'started', secondsSpent: 0 }, auth),
        404,
      );
    }
    await expectProblem(
      await h.call('GET', `/enrolments/${enrolment.id}`, { auth: learner.token, region: 'quiet' }),
      404,
    );
    // API keys are not learners.
    const { institution } = await h.t.principals();
    await expectProblem(await h.call('POST', `/courses/${course.id}/enrolments`, { auth: institution.key }), 403);
  });

  it('refuses enrolment in drafts (404) and retired courses (409), while enrolled learners keep going', async () => {
    const learner = await h.t.person();
    const late = await h.t.person();
    const draft = await (
      await h.call('POST', '/courses', {
        auth: teacher.person.token,
        json: (await import('../test-support.js')).courseContent(),
      })
    ).json();
    await expectProblem(await h.call('POST', `/courses/${draft.id}/enrolments`, { auth: learner.token }), 404);
    const course = await publishedCourse(h, teacher.person.token);
    const enrolment = await (await h.call('POST', `/courses/${course.id}/enrolments`, { auth: learner.token })).json();
    await h.call('POST', `/courses/${course.id}/retire`, { auth: teacher.person.token });
    await expectProblem(
      await h.call('POST', `/courses/${course.id}/enrolments`, { auth: late.token }),
      409,
      'TEACHER_DEVELOPMENT_WRONG_COURSE_STATE',
    );
    const going = await event(enrolment, enrolment.lessons[0].id, { type: 'started', secondsSpent: 10 }, learner.token);
    expect(going.status).toBe(200);
  });

  it.each([
    ['POST', '/courses/01900000-0000-7000-8000-000000000000/enrolments'],
    ['GET', '/enrolments'],
    ['GET', '/enrolments/01900000-0000-7000-8000-000000000000'],
    ['POST', '/enrolments/01900000-0000-7000-8000-000000000000/award'],
    ['POST', '/enrolments/01900000-0000-7000-8000-000000000000/lessons/01900000-0000-7000-8000-000000000000/events'],
    ['PUT', '/courses/01900000-0000-7000-8000-000000000000/rating'],
    ['GET', '/courses/01900000-0000-7000-8000-000000000000/ratings'],
  ])('%s %s answers 401 to anonymous callers', async (method, path) => {
    await expectProblem(await h.call(method, path, method === 'GET' ? {} : { json: {} }), 401);
  });
});

describe('bad input', () => {
  it('names the field; a lesson of another course is not found; nothing is recorded', async () => {
    const learner = await h.t.person();
    const course = await publishedCourse(h, teacher.person.token);
    const other = await publishedCourse(h, teacher.person.token);
    const enrolment = await (await h.call('POST', `/courses/${course.id}/enrolments`, { auth: learner.token })).json();
    const otherLesson = other.live.lessons[0].id;
    const badType = await expectProblem(
      await event(enrolment, enrolment.lessons[0].id, { type: 'finished', secondsSpent: 1 }, learner.token),
      400,
    );
    expect(badType.errors[0].path).toBe('/body/type');
    const negative = await expectProblem(
      await event(enrolment, enrolment.lessons[0].id, { type: 'started', secondsSpent: -1 }, learner.token),
      400,
    );
    expect(negative.errors[0].path).toBe('/body/secondsSpent');
    await expectProblem(
      await event(enrolment, otherLesson, { type: 'completed', secondsSpent: 1 }, learner.token),
      404,
      'TEACHER_DEVELOPMENT_LESSON_NOT_FOUND',
    );
    const stars = await expectProblem(
      await h.call('PUT', `/courses/${course.id}/rating`, { auth: learner.token, json: { stars: 6 } }),
      400,
    );
    expect(stars.errors[0].path).toBe('/body/stars');
    const progress = await rows<{ n: number }>(
      sql`select count(*)::int as n from teacher_development.lesson_progress where enrolment_id = ${enrolment.id}`,
    );
    expect(progress[0]?.n).toBe(0);
  });
});

import { uuidv7 } from '@lifelong/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  approvedTeacher,
  courseContent,
  expectProblem,
  type Harness,
  harness,
  publishedCourse,
  watchLesson,
} from '../test-support.js';

// #17 item 3: nobody earns credits from, enrols for credit in, rates or reviews their own course.

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(() => h.t.close());

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await h.t.platform.database.db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

const enrol = (courseId: string, auth: string) => h.call('POST', `/courses/${courseId}/enrolments`, { auth });
const rate = (courseId: string, auth: string, stars = 5) =>
  h.call('PUT', `/courses/${courseId}/rating`, { auth, json: { stars, review: 'Excellent!' } });

describe('no self-dealing', () => {
  it('attack: the teacher enrols in their own course, races through it and rates it 5 — all refused', async () => {
    const teacher = await approvedTeacher(h);
    const course = await publishedCourse(h, teacher.person.token, { lessons: 2 });
    const refused = await expectProblem(await enrol(course.id, teacher.person.token), 403, 'CONFLICT_OF_INTEREST');
    expect(refused).toMatchObject({ rule: 'self', action: 'enrol in this course' });
    await expectProblem(await rate(course.id, teacher.person.token), 403, 'CONFLICT_OF_INTEREST');

    // An enrolment from before the rule (written straight to the table) earns nothing either.
    const enrolmentId = uuidv7();
    await h.t.platform.database.db.execute(
      sql`insert into teacher_development.enrolments (id, region_id, course_id, version, person_id, access, amount_paid, transfer_ids, enrolled_at)
          values (${enrolmentId}, 'default', ${course.id}, 1, ${teacher.person.id}, 'free-week', 0, '[]'::jsonb, now())`,
    );
    const [first, second] = course.live.lessons;
    expect((await watchLesson(h, enrolmentId, first.id, teacher.person.token)).status).toBe(200);
    const last = await watchLesson(h, enrolmentId, second.id, teacher.person.token);
    const problem = await expectProblem(last, 403, 'CONFLICT_OF_INTEREST');
    expect(problem).toMatchObject({ rule: 'self', action: 'earn credits from this course' });
    await expectProblem(
      await h.call('POST', `/enrolments/${enrolmentId}/award`, { auth: teacher.person.token }),
      409,
      'TEACHER_DEVELOPMENT_NOT_YET_AWARDABLE',
    );
    await expectProblem(await rate(course.id, teacher.person.token), 403, 'CONFLICT_OF_INTEREST');
    const records = await rows<{ n: number }>(
      sql`select count(*)::int as n from credit_bank.records where person_id = ${teacher.person.id}`,
    );
    expect(records[0]?.n).toBe(0);
    const ratings = await rows<{ n: number }>(
      sql`select count(*)::int as n from teacher_development.ratings where course_id = ${course.id}`,
    );
    expect(ratings[0]?.n).toBe(0);
  });

  it("attack: the teacher's guardian enrols and rates for them — refused (rule guardian)", async () => {
    const { guardian, minor, regionAdmin } = await h.t.principals();
    const applied = await h.call('POST', '/teachers', {
      auth: minor.token,
      json: { subjects: ['music'], institutionIds: [], bio: 'Young teacher.' },
    });
    expect(applied.status).toBe(201);
    const profile = await applied.json();
    const decided = await h.call('POST', `/teachers/${profile.id}/decision`, {
      auth: regionAdmin.token,
      json: { decision: 'approve' },
    });
    expect(decided.status).toBe(200);
    const course = await publishedCourse(h, minor.token, { lessons: 1 });
    const problem = await expectProblem(await enrol(course.id, guardian.token), 403, 'CONFLICT_OF_INTEREST');
    expect(problem.rule).toBe('guardian');
    await expectProblem(await rate(course.id, guardian.token), 403, 'CONFLICT_OF_INTEREST');
  });

  it("attack: staff of the course's institution enrol for credit — refused (rule institution)", async () => {
    const { institution } = await h.t.principals();
    const teacher = await approvedTeacher(h, [institution.id]);
    const course = await publishedCourse(h, teacher.person.token, { lessons: 1, institutionId: institution.id });
    const colleague = await h.t.person({
      verified: true,
      roles: [{ role: 'teacher', scope: { type: 'institution', id: institution.id } }],
    });
    const problem = await expectProblem(await enrol(course.id, colleague.token), 403, 'CONFLICT_OF_INTEREST');
    expect(problem.rule).toBe('institution');
  });

  it('lets everyone else enrol and rate', async () => {
    const teacher = await approvedTeacher(h);
    const course = await publishedCourse(h, teacher.person.token, { lessons: 1 });
    const learner = await h.t.person({ verified: true });
    expect((await enrol(course.id, learner.token)).status).toBe(201);
    expect((await rate(course.id, learner.token)).status).toBe(201);
  });
});

describe('ratings privacy', () => {
  it('hides who rated; shows the average and reviews only from the minimum count on; the rater sees their own', async () => {
    const teacher = await approvedTeacher(h);
    const course = await publishedCourse(h, teacher.person.token, { lessons: 1 });
    const stranger = await h.t.person();
    const raters = [await h.t.person(), await h.t.person(), await h.t.person()];
    const summary = async (auth: string) => (await h.call('GET', `/courses/${course.id}/ratings`, { auth })).json();
    for (const [i, rater] of raters.entries()) {
      await enrol(course.id, rater.token);
      expect((await rate(course.id, rater.token, i + 3)).status).toBe(201);
      if (i < 2) {
        // One or two ratings would give the raters away: count only.
        expect(await summary(stranger.token)).toEqual({
          courseId: course.id,
          count: i + 1,
          average: null,
          items: [],
          mine: null,
        });
        expect(await summary(teacher.person.token)).toMatchObject({ average: null, items: [] });
      }
    }
    const open = await summary(stranger.token);
    expect(open).toMatchObject({ count: 3, average: 4, mine: null });
    expect(open.items).toHaveLength(3);
    for (const item of open.items) expect(Object.keys(item).sort()).toEqual(['review', 'stars', 'updatedAt']);
    expect(JSON.stringify(await summary(teacher.person.token))).not.toContain(raters[0]?.id);
    const own = await summary(raters[0]?.token ?? '');
    expect(own.mine).toMatchObject({ personId: raters[0]?.id, stars: 3 });
  });

  it('attack: ratings and price history of a draft are 404 to those who may not see it', async () => {
    const teacher = await approvedTeacher(h);
    const draft = await (
      await h.call('POST', '/courses', { auth: teacher.person.token, json: courseContent(1) })
    ).json();
    const { otherLearner, otherRegionAdmin } = await h.t.principals();
    for (const auth of [otherLearner.token, otherRegionAdmin.token]) {
      await expectProblem(
        await h.call('GET', `/courses/${draft.id}/ratings`, { auth }),
        404,
        'TEACHER_DEVELOPMENT_COURSE_NOT_FOUND',
      );
      await expectProblem(
        await h.call('GET', `/courses/${draft.id}/price-history`, { auth }),
        404,
        'TEACHER_DEVELOPMENT_COURSE_NOT_FOUND',
      );
    }
    expect((await h.call('GET', `/courses/${draft.id}/ratings`, { auth: teacher.person.token })).status).toBe(200);
    const { regionAdmin } = await h.t.principals();
    expect((await h.call('GET', `/courses/${draft.id}/ratings`, { auth: regionAdmin.token })).status).toBe(200);
  });
});

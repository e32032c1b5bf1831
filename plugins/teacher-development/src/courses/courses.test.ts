import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  approvedTeacher,
  courseContent,
  expectProblem,
  type Harness,
  harness,
  PDF,
  publishedCourse,
} from '../test-support.js';

let h: Harness;
let teacher: Awaited<ReturnType<typeof approvedTeacher>>;
beforeAll(async () => {
  h = await harness();
  teacher = await approvedTeacher(h);
});
afterAll(() => h.t.close());

const upload = (auth: string, bytes: Uint8Array, type: string) =>
  h.t.request('/v1/teacher-development/media', {
    method: 'POST',
    auth,
    headers: { 'Content-Type': type },
    body: bytes,
  });

describe('media', () => {
  it('are stored by content hash when the bytes are what they claim', async () => {
    const res = await upload(teacher.person.token, PDF, 'application/pdf');
    expect(res.status).toBe(201);
    const file = await res.json();
    expect(file).toMatchObject({ contentType: 'application/pdf', size: PDF.length });
    expect(Buffer.from((await h.t.platform.files.get(file.sha256)) ?? [])).toEqual(Buffer.from(PDF));
  });

  it('refuse a forged type (415), an undeclared type (415), and callers who are not approved teachers (403)', async () => {
    await expectProblem(
      await upload(teacher.person.token, PDF, 'image/png'),
      415,
      'TEACHER_DEVELOPMENT_MEDIA_TYPE_MISMATCH',
    );
    await expectProblem(await upload(teacher.person.token, PDF, 'application/x-msdownload'), 415);
    const { learner } = await h.t.principals();
    await expectProblem(
      await upload(learner.token, PDF, 'application/pdf'),
      403,
      'TEACHER_DEVELOPMENT_NOT_AN_APPROVED_TEACHER',
    );
  });
});

describe('the course lifecycle', () => {
  it('goes draft → submitted → reviewed → published → retired, with lessons and media', async () => {
    const { regionAdmin, learner } = await h.t.principals();
    const file = await (await upload(teacher.person.token, PDF, 'application/pdf')).json();
    const created = await h.call('POST', '/courses', {
      auth: teacher.person.token,
      json: courseContent(3, [file.sha256]),
    });
    expect(created.status).toBe(201);
    const course = await created.json();
    expect(course).toMatchObject({ status: 'draft', liveVersion: null, live: null });
    expect(course.open.lessons.map((l: { position: number }) => l.position)).toEqual([1, 2, 3]);
    expect(course.open.lessons[0].media).toEqual([file]);

    // Drafts are invisible to learners.
    await expectProblem(await h.call('GET', `/courses/${course.id}`, { auth: learner.token }), 404);
    // Only a submitted course can be reviewed, only a reviewed one published.
    await expectProblem(
      await h.call('POST', `/courses/${course.id}/review`, { auth: regionAdmin.token, json: { decision: 'approve' } }),
      409,
      'TEACHER_DEVELOPMENT_WRONG_COURSE_STATE',
    );
    expect((await h.call('POST', `/courses/${course.id}/submit`, { auth: teacher.person.token })).status).toBe(200);
    await expectProblem(await h.call('POST', `/courses/${course.id}/publish`, { auth: regionAdmin.token }), 409);

    // A rejection sends it back to draft with the note.
    const rejected = await h.call('POST', `/courses/${course.id}/review`, {
      auth: regionAdmin.token,
      json: { decision: 'reject', note: 'Lesson 2 has no media' },
    });
    expect(await rejected.json()).toMatchObject({ status: 'draft', open: { reviewNote: 'Lesson 2 has no media' } });
    await h.call('POST', `/courses/${course.id}/submit`, { auth: teacher.person.token });
    const reviewed = await h.call('POST', `/courses/${course.id}/review`, {
      auth: regionAdmin.token,
      json: { decision: 'approve' },
    });
    expect((await reviewed.json()).status).toBe('reviewed');
    const published = await (await h.call('POST', `/courses/${course.id}/publish`, { auth: regionAdmin.token })).json();
    expect(published).toMatchObject({ status: 'published', liveVersion: 1, publishedAt: '2026-03-02T09:00:00.000Z' });

    const seen = await (await h.call('GET', `/courses/${course.id}`, { auth: learner.token })).json();
    expect(seen).toMatchObject({
      status: 'published',
      open: null,
      live: { version: 1, title: 'Fractions for adults' },
    });
    const list = await (await h.call('GET', '/courses?limit=200', { auth: learner.token })).json();
    expect(list.items.map((c: { id: string }) => c.id)).toContain(course.id);

    const retired = await h.call('POST', `/courses/${course.id}/retire`, { auth: teacher.person.token });
    expect((await retired.json()).status).toBe('retired');
    const after = await (await h.call('GET', '/courses?limit=200', { auth: learner.token })).json();
    expect(after.items.map((c: { id: string }) => c.id)).not.toContain(course.id);
  });

  it('versions edits after publication: the live version stays until the new one is reviewed and published', async () => {
    const { regionAdmin, learner } = await h.t.principals();
    const course = await publishedCourse(h, teacher.person.token);
    const edited = await h.call('PUT', `/courses/${course.id}/content`, {
      auth: teacher.person.token,
      json: { ...courseContent(3), title: 'Fractions, revised' },
    });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({
      status: 'published',
      liveVersion: 1,
      live: { title: 'Fractions for adults' },
      open: { version: 2, status: 'draft', title: 'Fractions, revised' },
    });
    expect((await (await h.call('GET', `/courses/${course.id}`, { auth: learner.token })).json()).live.title).toBe(
      'Fractions for adults',
    );
    await h.call('POST', `/courses/${course.id}/submit`, { auth: teacher.person.token });
    await h.call('POST', `/courses/${course.id}/review`, { auth: regionAdmin.token, json: { decision: 'approve' } });
    const republished = await (
      await h.call('POST', `/courses/${course.id}/publish`, { auth: regionAdmin.token })
    ).json();
    expect(republished).toMatchObject({ liveVersion: 2, live: { title: 'Fractions, revised' }, open: null });
    // The first publication date stays: the free week does not restart with a new version.
    expect(republished.publishedAt).toBe(course.publishedAt);
    const v1 = await (await h.call('GET', `/courses/${course.id}/versions/1`, { auth: teacher.person.token })).json();
    expect(v1).toMatchObject({ status: 'superseded', title: 'Fractions for adults' });
  });
});

describe("a teacher's own courses and the review queue", () => {
  const ids = (page: { items: { id: string }[] }) => page.items.map((c) => c.id);

  it('lists a teacher their courses in any state (with the open version), and reviewers the submitted ones', async () => {
    const { regionAdmin, learner } = await h.t.principals();
    const teacher = await approvedTeacher(h);
    const draft = await (
      await h.call('POST', '/courses', { auth: teacher.person.token, json: courseContent(1, []) })
    ).json();
    const submitted = await (
      await h.call('POST', '/courses', { auth: teacher.person.token, json: courseContent(1, []) })
    ).json();
    expect((await h.call('POST', `/courses/${submitted.id}/submit`, { auth: teacher.person.token })).status).toBe(200);
    const other = await approvedTeacher(h);
    const othersDraft = await (
      await h.call('POST', '/courses', { auth: other.person.token, json: courseContent(1, []) })
    ).json();

    const mine = await (await h.call('GET', '/courses?mine=true&limit=200', { auth: teacher.person.token })).json();
    expect(ids(mine)).toEqual(expect.arrayContaining([draft.id, submitted.id]));
    expect(ids(mine)).not.toContain(othersDraft.id);
    expect(mine.items.find((c: { id: string }) => c.id === draft.id)).toMatchObject({
      status: 'draft',
      open: { version: 1 },
    });
    // Someone who is not a teacher here has no courses of their own.
    const none = await (await h.call('GET', '/courses?mine=true', { auth: learner.token })).json();
    expect(none).toEqual({ items: [], nextCursor: null });

    const queue = await (
      await h.call('GET', '/courses?openVersion=submitted&limit=200', { auth: regionAdmin.token })
    ).json();
    expect(ids(queue)).toContain(submitted.id);
    expect(ids(queue)).not.toContain(draft.id);
    expect(queue.items.find((c: { id: string }) => c.id === submitted.id)).toMatchObject({
      status: 'submitted',
      open: { version: 1, status: 'submitted' },
    });
    // Reviewed, it leaves the queue.
    await h.call('POST', `/courses/${submitted.id}/review`, { auth: regionAdmin.token, json: { decision: 'approve' } });
    const after = await (
      await h.call('GET', '/courses?openVersion=submitted&limit=200', { auth: regionAdmin.token })
    ).json();
    expect(ids(after)).not.toContain(submitted.id);

    // The queue is the reviewers' of this region: teachers, learners and another region's admin get
    // 403, and a bad state names the field.
    const { otherRegionAdmin } = await h.t.principals();
    await expectProblem(await h.call('GET', '/courses?openVersion=reviewed', { auth: otherRegionAdmin.token }), 403);
    await expectProblem(await h.call('GET', '/courses?openVersion=submitted', { auth: teacher.person.token }), 403);
    await expectProblem(await h.call('GET', '/courses?openVersion=submitted', { auth: learner.token }), 403);
    await expectProblem(await h.call('GET', '/courses?openVersion=published', { auth: regionAdmin.token }), 400);
    await expectProblem(await h.call('GET', '/courses?mine=yes', { auth: teacher.person.token }), 400);
  });
});

describe('authorization', () => {
  it('keeps other teachers, learners and other regions’ admins out', async () => {
    const { regionAdmin, otherRegionAdmin, learner } = await h.t.principals();
    const other = await approvedTeacher(h);
    const created = await (
      await h.call('POST', '/courses', { auth: teacher.person.token, json: courseContent() })
    ).json();
    await expectProblem(
      await h.call('PUT', `/courses/${created.id}/content`, { auth: other.person.token, json: courseContent() }),
      404,
    );
    await expectProblem(await h.call('POST', `/courses/${created.id}/submit`, { auth: other.person.token }), 404);
    await expectProblem(await h.call('POST', '/courses', { auth: learner.token, json: courseContent() }), 403);
    await h.call('POST', `/courses/${created.id}/submit`, { auth: teacher.person.token });
    for (const auth of [learner.token, teacher.person.token, otherRegionAdmin.token]) {
      await expectProblem(
        await h.call('POST', `/courses/${created.id}/review`, { auth, json: { decision: 'approve' } }),
        403,
      );
    }
    await expectProblem(await h.call('GET', `/courses/${created.id}/versions/1`, { auth: learner.token }), 404);
    expect((await h.call('GET', `/courses/${created.id}/versions/1`, { auth: regionAdmin.token })).status).toBe(200);
  });

  it.each([
    ['POST', '/courses'],
    ['GET', '/courses'],
    ['GET', '/courses/01900000-0000-7000-8000-000000000000'],
    ['PUT', '/courses/01900000-0000-7000-8000-000000000000/content'],
    ['POST', '/courses/01900000-0000-7000-8000-000000000000/submit'],
    ['POST', '/courses/01900000-0000-7000-8000-000000000000/review'],
    ['POST', '/courses/01900000-0000-7000-8000-000000000000/publish'],
    ['POST', '/courses/01900000-0000-7000-8000-000000000000/retire'],
  ])('%s %s answers 401 to anonymous callers', async (method, path) => {
    await expectProblem(await h.call(method, path, method === 'GET' ? {} : { json: {} }), 401);
  });
});

describe('bad input', () => {
  it('names the field and stores nothing', async () => {
    const badStage = await expectProblem(
      await h.call('POST', '/courses', { auth: teacher.person.token, json: { ...courseContent(), stage: 'nursery' } }),
      400,
    );
    expect(badStage.errors[0].path).toBe('/body/stage');
    const foreignMedia = await expectProblem(
      await h.call('POST', '/courses', { auth: teacher.person.token, json: courseContent(1, ['a'.repeat(64)]) }),
      400,
    );
    expect(foreignMedia.errors[0]).toMatchObject({ path: '/body/lessons/0/media/0', rule: 'uploadedMedia' });
    const notMine = await expectProblem(
      await h.call('POST', '/courses', {
        auth: teacher.person.token,
        json: { ...courseContent(), institutionId: '01900000-0000-7000-8000-000000000000' },
      }),
      400,
    );
    expect(notMine.errors[0].path).toBe('/body/institutionId');
    const noLessons = await expectProblem(
      await h.call('POST', '/courses', { auth: teacher.person.token, json: { ...courseContent(), lessons: [] } }),
      400,
    );
    expect(noLessons.errors[0].path).toBe('/body/lessons');
    // None of the refused courses exists: the teacher's draft list is what it was.
    const { sql } = await import('drizzle-orm');
    const rows = await h.t.platform.database.db.execute(
      sql`select count(*)::int as n from teacher_development.courses where teacher_id = ${teacher.teacher.id} and live_version is null and retired_at is null`,
    );
    const list = (Array.isArray(rows) ? rows : (rows as { rows: { n: number }[] }).rows) as { n: number }[];
    expect(list[0]?.n).toBe(1); // the one draft created in the authorization test
  });
});

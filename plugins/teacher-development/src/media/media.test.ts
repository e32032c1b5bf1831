// Lesson media people can open: streamed uploads within the teacher's and the institution's
// quotas, downloads with ranges for players, who may open them (an authorization matrix: everyone
// else gets the 404 an unknown course gets), and the removal of media no lesson uses.
import type { TestPerson, TestPrincipals } from '@lifelong/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import teacherDevelopmentClient from '../client.js';
import { approvedTeacher, courseContent, type Harness, harness, signIn } from '../test-support.js';

let h: Harness;
let p: TestPrincipals;
let teacher: Awaited<ReturnType<typeof approvedTeacher>>;
beforeAll(async () => {
  h = await harness({
    regionConfig: { media: { teacherQuotaBytes: 2000, institutionQuotaBytes: 3000, unattachedHours: 1 } },
  });
  p = await h.t.principals();
  teacher = await approvedTeacher(h);
});
afterAll(() => h.t.close());

let n = 0;
const mp4 = (extra = '') => new TextEncoder().encode(`\0\0\0\x18ftypmp42 lesson video ${++n} ${extra}`);
const upload = (auth: string, bytes: Uint8Array, query = '', type = 'video/mp4') =>
  h.t.request(`/v1/teacher-development/media${query}`, {
    method: 'POST',
    auth,
    headers: { 'Content-Type': type },
    body: bytes,
  });
async function uploaded(auth: string, bytes = mp4()): Promise<string> {
  const res = await upload(auth, bytes);
  expect(res.status).toBe(201);
  return (await res.json()).sha256;
}

/** A course of the teacher published with `sha256` in its first lesson. */
async function publishedWith(teacherToken: string, media: string[]) {
  const created = await h.call('POST', '/courses', { auth: teacherToken, json: courseContent(2, media) });
  expect(created.status).toBe(201);
  const course = await created.json();
  expect((await h.call('POST', `/courses/${course.id}/submit`, { auth: teacherToken })).status).toBe(200);
  const approve = { auth: p.regionAdmin.token, json: { decision: 'approve' } };
  expect((await h.call('POST', `/courses/${course.id}/review`, approve)).status).toBe(200);
  expect((await h.call('POST', `/courses/${course.id}/publish`, { auth: p.regionAdmin.token })).status).toBe(200);
  return course as { id: string };
}
const open = (courseId: string, sha256: string, auth?: string, headers: Record<string, string> = {}) =>
  h.t.request(`/v1/teacher-development/courses/${courseId}/media/${sha256}`, {
    headers: { 'Lifelong-Region': 'default', ...headers },
    ...(auth ? { auth } : {}),
  });

describe('opening lesson media', () => {
  it('streams it inline with its sniffed type, ranges for players, ETag and a sandbox allowing media', async () => {
    const bytes = mp4('x'.repeat(64));
    const sha256 = await uploaded(teacher.person.token, bytes);
    const course = await publishedWith(teacher.person.token, [sha256]);

    const whole = await open(course.id, sha256, teacher.person.token);
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer())).toEqual(Buffer.from(bytes));
    expect(Object.fromEntries(whole.headers)).toMatchObject({
      'content-type': 'video/mp4',
      'content-length': String(bytes.byteLength),
      'accept-ranges': 'bytes',
      etag: `"${sha256}"`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "sandbox; default-src 'none'; media-src 'self'",
    });
    expect(whole.headers.get('content-disposition')).toMatch(/^inline; filename="lesson-media-[0-9a-f]{12}\.mp4"/);

    const part = (range: string) => open(course.id, sha256, teacher.person.token, { Range: range });
    const first = await part('bytes=0-3');
    expect([first.status, Buffer.from(await first.arrayBuffer())]).toEqual([206, Buffer.from(bytes.slice(0, 4))]);
    const middle = await part('bytes=4-11');
    expect([middle.status, await middle.text(), middle.headers.get('content-range')]).toEqual([
      206,
      'ftypmp42',
      `bytes 4-11/${bytes.byteLength}`,
    ]);
    const suffix = await part('bytes=-3');
    expect([suffix.status, await suffix.text()]).toEqual([206, 'xxx']);
    const past = await part(`bytes=${bytes.byteLength + 10}-`);
    expect([past.status, past.headers.get('content-range')]).toEqual([416, `bytes */${bytes.byteLength}`]);
    expect((await open(course.id, sha256, teacher.person.token, { 'If-None-Match': `"${sha256}"` })).status).toBe(304);
  });

  it('is a Response from the typed client', async () => {
    const sha256 = await uploaded(teacher.person.token);
    const course = await publishedWith(teacher.person.token, [sha256]);
    const client = h.t.client(teacher.person.token, [teacherDevelopmentClient]).teacherDevelopment;
    const res = await client.courses.media.get({ courseId: course.id, sha256 }, { headers: { Range: 'bytes=4-7' } });
    expect([res.status, await res.text()]).toEqual([206, 'ftyp']);
  });
});

describe('who may open lesson media (authorization matrix)', () => {
  let course: { id: string };
  let sha256: string;
  let enrolled: TestPerson;
  let otherTeacher: Awaited<ReturnType<typeof approvedTeacher>>;
  beforeAll(async () => {
    sha256 = await uploaded(teacher.person.token);
    course = await publishedWith(teacher.person.token, [sha256]);
    enrolled = await h.t.person({ verified: true });
    expect((await h.call('POST', `/courses/${course.id}/enrolments`, { auth: enrolled.token })).status).toBe(201);
    otherTeacher = await approvedTeacher(h);
  });

  const cases: [string, () => string | undefined, number][] = [
    ["the course's teacher", () => teacher.person.token, 200],
    ['an enrolled learner', () => enrolled.token, 200],
    ["the region's reviewer (region admin)", () => p.regionAdmin.token, 200],
    ['a learner who is not enrolled', () => p.learner.token, 404],
    ['another teacher', () => otherTeacher.person.token, 404],
    ['the region admin of another region', () => p.otherRegionAdmin.token, 404],
    ['a registrar (no courses.review)', () => p.registrar.token, 404],
    ["a guardian (of someone else's child)", () => p.guardian.token, 404],
    ["an institution's API key", () => p.institution.key, 404],
    ['anonymous', () => undefined, 401],
  ];

  it.each(cases)('%s → %s', async (_who, auth, status) => {
    const res = await open(course.id, sha256, auth());
    expect(res.status).toBe(status);
    if (status === 404) {
      const unknown = await open('0190f5d0-0000-7000-8000-000000000000', sha256, auth());
      expect([unknown.status, (await unknown.json()).code]).toEqual([404, (await res.json()).code]);
    }
  });

  it('is a 404 for a file no lesson of the course uses, even to its teacher', async () => {
    const loose = await uploaded(teacher.person.token);
    expect((await open(course.id, loose, teacher.person.token)).status).toBe(404);
    expect((await open(course.id, loose, enrolled.token)).status).toBe(404);
  });
});

describe('media quotas', () => {
  it("refuses a file past the teacher's quota with 413 naming it, and keeps nothing", async () => {
    const mine = await approvedTeacher(h);
    expect((await upload(mine.person.token, mp4('a'.repeat(1500)))).status).toBe(201);
    const over = mp4('b'.repeat(600));
    const res = await upload(mine.person.token, over);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({
      code: 'TEACHER_DEVELOPMENT_MEDIA_TEACHER_QUOTA_EXCEEDED',
      quota: 'teacher',
      quotaBytes: 2000,
    });
    const { sha256Hex } = await import('@lifelong/core');
    expect(await h.t.platform.files.has(sha256Hex(over))).toBe(false);
  });

  it("refuses a file past the institution's quota, counting all its teachers' uploads for it", async () => {
    const institutionId = p.institution.id;
    const a = await approvedTeacher(h, [institutionId]);
    const b = await approvedTeacher(h, [institutionId]);
    expect((await upload(a.person.token, mp4('c'.repeat(1500)), `?institutionId=${institutionId}`)).status).toBe(201);
    expect((await upload(b.person.token, mp4('d'.repeat(1400)), `?institutionId=${institutionId}`)).status).toBe(201);
    const res = await upload(b.person.token, mp4('e'.repeat(200)), `?institutionId=${institutionId}`);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({
      code: 'TEACHER_DEVELOPMENT_MEDIA_INSTITUTION_QUOTA_EXCEEDED',
      quota: 'institution',
      quotaBytes: 3000,
    });
    // Not one of the teacher's institutions: refused, naming the parameter.
    const foreign = await upload(teacher.person.token, mp4(), `?institutionId=${institutionId}`);
    expect(foreign.status).toBe(400);
    expect((await foreign.json()).errors[0]).toMatchObject({ path: '/query/institutionId' });
  });
});

describe('removing unattached media', () => {
  it('removes media no lesson uses after the region limit (1 hour here); keeps used and young media', async () => {
    const mine = await approvedTeacher(h);
    const start = h.clock.now;
    const loose = await uploaded(mine.person.token);
    const used = await uploaded(mine.person.token);
    const course = await publishedWith(mine.person.token, [used]);
    h.clock.now = new Date(start.getTime() + 50 * 60_000);
    const young = await uploaded(mine.person.token);
    h.clock.now = new Date(start.getTime() + 70 * 60_000);

    await h.t.runJob('teacher-development', 'remove-unattached-media');
    await h.t.runJob('teacher-development', 'remove-unattached-media'); // twice is the same as once

    expect(await h.t.platform.files.has(loose)).toBe(false);
    expect(await h.t.platform.files.has(used)).toBe(true);
    expect(await h.t.platform.files.has(young)).toBe(true);
    const again = await signIn(h.t, mine.person);
    expect((await open(course.id, used, again.token)).status).toBe(200);
    // The removed upload may no longer go into a lesson.
    const edit = await h.call('PUT', `/courses/${course.id}/content`, {
      auth: again.token,
      json: courseContent(1, [loose]),
    });
    expect(edit.status).toBe(400);
    h.clock.now = start;
  });
});

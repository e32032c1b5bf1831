// Shared by the center's tests (not part of the package's entry points): a platform with the
// credit bank, a movable clock, and shortcuts for the flows other flows stand on.
import { createTestPlatform, type TestPerson, type TestPlatform, type TestResponse } from '@lifelong/core/testing';
import creditBank from '@lifelong/plugin-credit-bank';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import teacherDevelopment from './index.js';

export interface Harness {
  t: TestPlatform;
  clock: { now: Date };
  call(
    method: string,
    path: string,
    options?: { auth?: string; json?: unknown; region?: string },
  ): Promise<TestResponse>;
}

export async function harness(options: { regionConfig?: Record<string, unknown> } = {}): Promise<Harness> {
  const clock = { now: new Date('2026-03-02T09:00:00Z') };
  const t = await createTestPlatform({
    plugins: [teacherDevelopment, creditBank],
    regions: [
      {
        id: 'default',
        name: 'Default',
        plugins: options.regionConfig ? { 'teacher-development': { config: options.regionConfig } } : {},
      },
      { id: 'quiet', name: 'Quiet', plugins: { 'teacher-development': { enabled: false } } },
    ],
    now: () => clock.now,
  });
  const call: Harness['call'] = (method, path, { auth, json, region = 'default' } = {}) =>
    t.request(`/v1/teacher-development${path}`, {
      method,
      headers: { 'Lifelong-Region': region },
      ...(auth ? { auth } : {}),
      ...(json !== undefined ? { json } : {}),
    });
  return { t, clock, call };
}

/** Signs the person in again (after the clock moved past their session's lifetime). */
export async function signIn(t: TestPlatform, person: TestPerson): Promise<TestPerson> {
  const res = await t.request('/v1/sessions', {
    method: 'POST',
    json: { learnerNumber: person.learnerNumber, password: person.password },
  });
  expect(res.status).toBe(201);
  return { ...person, token: (await res.json()).token };
}

export async function expectProblem(res: TestResponse, status: number, code?: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const body = await res.json();
  if (code) expect(body.code).toBe(code);
  return body;
}

/** A person with an approved teacher profile in `default` (decided by the region admin). */
export async function approvedTeacher(h: Harness, institutionIds: string[] = []) {
  const person = await h.t.person({ verified: true });
  const { regionAdmin } = await h.t.principals();
  const applied = await h.call('POST', '/teachers', {
    auth: person.token,
    json: { subjects: ['mathematics'], institutionIds, bio: 'Teaches maths.' },
  });
  expect(applied.status).toBe(201);
  const teacher = await applied.json();
  const decided = await h.call('POST', `/teachers/${teacher.id}/decision`, {
    auth: regionAdmin.token,
    json: { decision: 'approve' },
  });
  expect(decided.status).toBe(200);
  return { person, teacher: await decided.json() };
}

export const PDF = new TextEncoder().encode('%PDF-1.7 lesson notes');
/** Bytes the file store sniffs as an MP4 video. */
export const MP4 = new TextEncoder().encode('\0\0\0\x18ftypmp42 a lesson video');

export const courseContent = (
  lessons = 2,
  media: string[] = [],
): {
  title: string;
  description: string;
  stage: string;
  level: string;
  learningOutcomes: string[];
  workloadHours: number;
  lessons: { title: string; media: string[]; durationSeconds?: number }[];
} => ({
  title: 'Fractions for adults',
  description: 'Fractions, slowly.',
  stage: 'social-in-service',
  level: '3',
  learningOutcomes: ['Add fractions', 'Compare fractions'],
  workloadHours: 4.5,
  lessons: Array.from({ length: lessons }, (_, i) => ({ title: `Lesson ${i + 1}`, media: i === 0 ? media : [] })),
});

/** A course taken through draft → submitted → reviewed → published by the region admin. */
export async function publishedCourse(
  h: Harness,
  teacherToken: string,
  extra: { lessons?: number; institutionId?: string; content?: ReturnType<typeof courseContent> } = {},
) {
  const { regionAdmin } = await h.t.principals();
  const created = await h.call('POST', '/courses', {
    auth: teacherToken,
    json: {
      ...(extra.content ?? courseContent(extra.lessons ?? 2)),
      ...(extra.institutionId ? { institutionId: extra.institutionId } : {}),
    },
  });
  expect(created.status).toBe(201);
  const course = await created.json();
  expect((await h.call('POST', `/courses/${course.id}/submit`, { auth: teacherToken })).status).toBe(200);
  const reviewed = await h.call('POST', `/courses/${course.id}/review`, {
    auth: regionAdmin.token,
    json: { decision: 'approve' },
  });
  expect(reviewed.status).toBe(200);
  const published = await h.call('POST', `/courses/${course.id}/publish`, { auth: regionAdmin.token });
  expect(published.status).toBe(200);
  return published.json();
}

/** Mints `amount` of the region's pricing asset into the person's wallet (as the platform admin). */
export async function fund(h: Harness, person: TestPerson, amount: bigint, asset = 'POINT') {
  const wallet = await (await h.call('GET', '/wallet', { auth: person.token })).json();
  const rows = await h.t.platform.database.db.execute(
    sql`select issuance_account_id as id from core.ledger_assets where code = ${asset}`,
  );
  const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { id: string }[];
  const res = await h.t.request('/v1/ledger/transfers', {
    method: 'POST',
    auth: 'admin',
    json: {
      transfers: [
        {
          id: crypto.randomUUID(),
          debitAccountId: list[0]?.id,
          creditAccountId: wallet.accountId,
          amount: String(amount),
          code: 9001,
        },
      ],
    },
  });
  expect(res.status).toBe(200);
  expect((await res.json()).results[0].status).toBe('created');
  return wallet.accountId as string;
}

/** The account's balance as the platform admin reads it. */
export async function balanceOf(h: Harness, accountId: string): Promise<bigint> {
  const res = await h.t.request(`/v1/ledger/accounts/${accountId}`, { auth: 'admin' });
  expect(res.status).toBe(200);
  return BigInt((await res.json()).balance);
}

/**
 * Plays a lesson the way a player does: a `started` event, then a heartbeat every `step` seconds
 * of test-clock time until `seconds` have passed, then `completed`. Answers the last response.
 */
export async function watchLesson(
  h: Harness,
  enrolmentId: string,
  lessonId: string,
  token: string,
  { seconds = 60, step = 60, complete = true }: { seconds?: number; step?: number; complete?: boolean } = {},
): Promise<TestResponse> {
  const path = `/enrolments/${enrolmentId}/lessons/${lessonId}/events`;
  const started = await h.call('POST', path, { auth: token, json: { type: 'started', secondsSpent: 0 } });
  expect(started.status).toBe(200);
  let left = seconds;
  let last = started;
  while (left > 0) {
    const chunk = Math.min(step, left);
    h.clock.now = new Date(h.clock.now.getTime() + chunk * 1000);
    left -= chunk;
    const type = complete && left === 0 ? 'completed' : 'progressed';
    last = await h.call('POST', path, { auth: token, json: { type, secondsSpent: chunk } });
    if (type === 'progressed') expect(last.status).toBe(200);
  }
  return last;
}

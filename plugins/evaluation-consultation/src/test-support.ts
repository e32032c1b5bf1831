// Shared by the plugin's tests (not part of the package's entry points): a platform on a fixed,
// movable clock in a region with a holiday, people signed in again after the clock moves, and
// the steps of an engagement.
import { createTestPlatform, TestCallError, type TestPerson, type TestPlatform } from '@lifelong/core/testing';
import { expect } from 'vitest';
import client from './client.js';
import plugin from './index.js';

/** Monday 1 June 2026, 09:00 UTC. Wednesday 3 June is the region's holiday. */
export const START = new Date('2026-06-01T09:00:00Z');
export const HOLIDAY = '2026-06-03';

export interface Harness {
  t: TestPlatform;
  clock: { now: Date };
  /** The typed client as `auth` (a token or key; anonymous without). */
  as(auth?: string): ReturnType<typeof clientFor>;
  /** Sets the clock, and signs every person made through `person()` in again (sessions last a week). */
  at(iso: string): Promise<void>;
  /** A signed-in person whose token stays fresh across `at()`. */
  person(options?: Parameters<TestPlatform['person']>[0]): Promise<TestPerson>;
  /** A school institution of region `default` (made as platform admin). */
  school(name: string): Promise<string>;
}

const clientFor = (t: TestPlatform, auth?: string) => t.client(auth, [client]).evaluationConsultation;

export async function harness(): Promise<Harness> {
  const clock = { now: new Date(START) };
  const t = await createTestPlatform({
    plugins: [plugin],
    regions: [
      {
        id: 'default',
        name: 'Default',
        plugins: { 'evaluation-consultation': { config: { calendar: { holidays: [HOLIDAY] } } } },
      },
    ],
    now: () => clock.now,
    settings: { sessionTtlSeconds: 7 * 86_400 },
  });
  const people: TestPerson[] = [];
  const signIn = async (p: TestPerson) => {
    const res = await t.request('/v1/sessions', {
      method: 'POST',
      json: { learnerNumber: p.learnerNumber, password: p.password },
    });
    expect(res.status).toBe(201);
    p.token = (await res.json()).token;
  };
  return {
    t,
    clock,
    as: (auth) => clientFor(t, auth),
    async at(iso) {
      clock.now = new Date(iso);
      for (const p of people) await signIn(p);
    },
    async person(options) {
      const p = await t.person(options);
      people.push(p);
      return p;
    },
    async school(name) {
      const res = await t.request('/v1/institutions', {
        method: 'POST',
        auth: 'admin',
        json: { name, kind: 'school', regionId: 'default' },
      });
      expect(res.status).toBe(201);
      return (await res.json()).id as string;
    },
  };
}

export const regionAdminRoles = [{ role: 'region-admin', scope: { type: 'region', id: 'default' } }];

/** The problem a rejected call got, after checking its status (and code). */
export async function refused(call: Promise<unknown>, status: number, code?: string) {
  const error = await call.then(
    () => {
      throw new Error(`expected ${status}, the call succeeded`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TestCallError);
  const { status: got, problem } = error as TestCallError;
  expect({ status: got, code: problem?.code }).toMatchObject({ status, ...(code ? { code } : {}) });
  return problem as { code: string; errors?: { path: string; rule: string }[]; [k: string]: unknown };
}

/** Grades for every indicator of the default template. */
export const allGrades = (grade: number, rationale: string, extra: { value?: number; evidenceIds?: string[] } = {}) =>
  ['leadership', 'teaching', 'wellbeing', 'attainment'].map((indicatorCode) => ({
    indicatorCode,
    grade,
    rationale,
    ...extra,
  }));

// Shared by the plugin's tests (not part of the package's entry points): a platform with a movable
// clock; a probe plugin that emits the other centers' events (the very refs those plugins export),
// watches the quality-control events and asks the series service; institutions and staff.

import { definePlugin, type EventRef } from '@lifelong/core';
import { createTestPlatform, TestCallError, type TestPlatform } from '@lifelong/core/testing';
import { AttemptScored } from '@lifelong/plugin-assessments';
import { CertificateReviewed, CreditAwarded } from '@lifelong/plugin-credit-bank';
import { CourseCompleted, EnrolmentPaid, TeacherDecided } from '@lifelong/plugin-teacher-development';
import { Type } from '@sinclair/typebox';
import { expect } from 'vitest';
import client from './client.js';
import { ActionVerified, AlertRaised } from './events.js';
import qualityControl from './index.js';
import { qualityControlService } from './series-service.js';

export const seen: { name: string; payload: Record<string, unknown> }[] = [];

const FEEDS: Record<string, EventRef<never>> = {
  'credit-bank.credit.awarded': CreditAwarded as EventRef<never>,
  'credit-bank.certificate.reviewed': CertificateReviewed as EventRef<never>,
  'teacher-development.teacher.decided': TeacherDecided as EventRef<never>,
  'teacher-development.enrolment.paid': EnrolmentPaid as EventRef<never>,
  'teacher-development.course.completed': CourseCompleted as EventRef<never>,
  'assessments.attempt.scored': AttemptScored as EventRef<never>,
};

/** A plugin standing in for the other centers and for the evaluation center (#15). */
export const probe = definePlugin({
  id: 'quality-probe',
  version: '0.1.0',
  requires: { core: '^0.1.0', plugins: { 'quality-control': '^0.1.0' } },
  register(p) {
    p.route({
      method: 'post',
      path: '/emit',
      summary: "Emits another center's event (tests only)",
      access: { public: true },
      request: { body: Type.Object({ name: Type.String(), payload: Type.Unknown(), regionId: Type.String() }) },
      responses: { 200: { description: 'The event id', schema: Type.Object({ id: Type.String() }) } },
      handler: async ({ body }, ctx) => {
        const ref = FEEDS[body.name];
        if (!ref) throw new Error(`unknown event ${body.name}`);
        const id = await ctx.emit(ref, body.payload as never, { key: 'probe', regionId: body.regionId });
        return { status: 200, body: { id } };
      },
    });
    p.route({
      method: 'post',
      path: '/series',
      summary: 'Asks the quality-control series service (tests only)',
      access: { public: true },
      request: { body: Type.Unknown() },
      responses: { 200: { description: 'The series', schema: Type.Unknown() } },
      handler: async ({ body }, ctx) => ({
        status: 200,
        body: await ctx.service(qualityControlService).series(body as never),
      }),
    });
    p.on(AlertRaised, async (e) => {
      seen.push({ name: e.name, payload: e.payload as Record<string, unknown> });
    });
    p.on(ActionVerified, async (e) => {
      seen.push({ name: e.name, payload: e.payload as Record<string, unknown> });
    });
  },
});

export interface Harness {
  t: TestPlatform;
  clock: { now: Date };
  as(auth?: string): ReturnType<typeof clientFor>;
  /** An accredited institution of the region (made by the platform admin). */
  institution(name?: string, regionId?: string): Promise<string>;
  /** Emits one of the other centers' events and delivers every due event. */
  emit(name: string, payload: Record<string, unknown>, regionId?: string): Promise<string>;
}

const clientFor = (t: TestPlatform, auth?: string) => t.client(auth, [client]).qualityControl;

export async function harness(): Promise<Harness> {
  const clock = { now: new Date('2026-07-15T08:00:00Z') };
  const t = await createTestPlatform({
    plugins: [qualityControl, probe],
    regions: [
      { id: 'default', name: 'Default' },
      { id: 'elsewhere', name: 'Elsewhere' },
      {
        id: 'off',
        name: 'Off',
        plugins: { 'quality-control': { enabled: false }, 'quality-probe': { enabled: false } },
      },
    ],
    now: () => clock.now,
    settings: { sessionTtlSeconds: 7 * 86_400 },
  });
  const admin = async (path: string, json: unknown, method = 'POST') => {
    const res = await t.request(path, { method, auth: 'admin', json });
    expect(res.status, await res.clone().text()).toBeLessThan(300);
    return res.json();
  };
  return {
    t,
    clock,
    as: (auth) => clientFor(t, auth),
    async institution(name = 'Riverside Vocational College', regionId = 'default') {
      const made = await admin('/v1/institutions', { name, kind: 'school', regionId });
      await admin(`/v1/institutions/${made.id}/accreditation`, { status: 'accredited' }, 'PUT');
      return made.id as string;
    },
    async emit(name, payload, regionId = 'default') {
      const res = await t.request('/v1/quality-probe/emit', { method: 'POST', json: { name, payload, regionId } });
      expect(res.status).toBe(200);
      const { id } = await res.json();
      await t.drainEvents();
      return id;
    },
  };
}

/** Region admin of the harness's packs: adopts every first-party pack in `default`. */
export async function adoptAllPacks(h: Harness, adminToken: string | 'admin' = 'admin') {
  for (const packId of ['teachers', 'education', 'operations', 'administration']) {
    await h.as(adminToken).packs.adopt({ packId, body: { adopted: true } });
  }
}

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

/** `n` values of an element on a day, optionally each its own value. */
export const points = (element: string, date: string, values: number[]) =>
  values.map((value) => ({ element, date, value }));

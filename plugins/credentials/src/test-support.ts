// Shared by the plugin's tests (not an entry point): a platform with the credit bank, a movable
// clock, and a probe plugin that turns completions into records through the credit bank's service.
import { definePlugin } from '@lifelong/core';
import { createTestPlatform, type TestPlatform } from '@lifelong/core/testing';
import creditBank, { type CreditBankService, creditBankService } from '@lifelong/plugin-credit-bank';
import { Type } from '@sinclair/typebox';
import { expect } from 'vitest';
import credentials from './index.js';

export const probe = definePlugin({
  id: 'credentials-probe',
  version: '0.1.0',
  requires: { core: '^0.1.0', plugins: { 'credit-bank': '^0.1.0' } },
  register(p) {
    p.route({
      method: 'post',
      path: '/completions',
      summary: 'Report a completion to the credit bank (tests)',
      access: { public: true },
      request: { body: Type.Unknown() },
      responses: { 200: { description: 'The outcome', schema: Type.Unknown() } },
      handler: async ({ body }, ctx) => ({
        status: 200,
        body: await ctx
          .service(creditBankService)
          .awardForCompletion(body as Parameters<CreditBankService['awardForCompletion']>[0]),
      }),
    });
  },
});

export const ORIGIN = 'https://lifelong.test';

export interface Harness {
  t: TestPlatform;
  clock: { now: Date };
  /** A record of `personId` (verified person) through the credit bank; returns its id. */
  record(personId: string, overrides?: Record<string, unknown>): Promise<string>;
  tick(days: number): void;
}

let counter = 0;

export async function harness(): Promise<Harness> {
  const clock = { now: new Date('2026-06-01T08:00:00Z') };
  const t = await createTestPlatform({
    plugins: [creditBank, credentials, probe],
    regions: [
      {
        id: 'default',
        name: 'Default',
        plugins: { credentials: { config: { publicOrigin: ORIGIN, keyLifetimeDays: 365 } } },
      },
      { id: 'elsewhere', name: 'Elsewhere', plugins: { credentials: { config: { publicOrigin: ORIGIN } } } },
    ],
    now: () => clock.now,
    settings: { sessionTtlSeconds: 7 * 86_400 },
  });
  return {
    t,
    clock,
    tick: (days) => {
      clock.now = new Date(clock.now.getTime() + days * 86_400_000);
    },
    async record(personId, overrides = {}) {
      counter += 1;
      const res = await t.request('/v1/credentials-probe/completions', {
        method: 'POST',
        json: {
          source: 'teacher-development',
          sourceRef: `enrolment-${counter}-${crypto.randomUUID()}`,
          personId,
          regionId: 'default',
          equivalenceKey: `course-${counter}-${crypto.randomUUID()}`,
          title: '统计学入门 Introduction to statistics',
          stage: 'social-in-service',
          level: '6',
          learningOutcomes: ['Computes a mean and a variance', 'Reads a box plot'],
          workloadHours: 50,
          assessment: { type: 'exam', score: 92 },
          form: 'online',
          completedAt: '2026-03-10T10:00:00Z',
          ...overrides,
        },
      });
      const body = await res.json();
      expect(res.status, JSON.stringify(body)).toBe(200);
      return body.recordId as string;
    },
  };
}

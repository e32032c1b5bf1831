// Shared by the plugin's tests (not part of the package's entry points): a platform with a movable
// clock, a probe plugin that asks the results service and watches the scored events, and items of
// every kind.
import { definePlugin } from '@lifelong/core';
import { createTestPlatform, TestCallError, type TestPlatform } from '@lifelong/core/testing';
import { Type } from '@sinclair/typebox';
import { expect } from 'vitest';
import client from './client.js';
import { AttemptScored } from './events.js';
import assessments from './index.js';
import { assessmentResults } from './results.js';
import type { ItemInput } from './shared/items.js';

export const scored: Record<string, unknown>[] = [];

/** A plugin that requires assessments, as teacher development will: its service and its events. */
export const probe = definePlugin({
  id: 'assessments-probe',
  version: '0.1.0',
  requires: { core: '^0.1.0', plugins: { assessments: '^0.1.0' } },
  register(p) {
    p.route({
      method: 'get',
      path: '/best/{personId}/{formId}',
      summary: "A person's best attempt at a form, through the assessments service",
      access: { public: true },
      request: {
        params: Type.Object({ personId: Type.String({ format: 'uuid' }), formId: Type.String({ format: 'uuid' }) }),
      },
      responses: { 200: { description: 'The best attempt', schema: Type.Unknown() } },
      handler: async ({ params }, ctx) => {
        const best = await ctx.service(assessmentResults).bestAttempt(params.personId, params.formId);
        return { status: 200, body: best ? { ...best, submittedAt: best.submittedAt.toISOString() } : null };
      },
    });
    p.on(AttemptScored, async (event) => {
      scored.push(event.payload);
    });
  },
});

export interface Harness {
  t: TestPlatform;
  clock: { now: Date };
  /** The typed client as `auth` (a token or key; anonymous without). */
  as(auth?: string): ReturnType<typeof clientFor>;
  /** Moves the clock on by seconds. */
  tick(seconds: number): void;
}

const clientFor = (t: TestPlatform, auth?: string) => t.client(auth, [client]).assessments;

export async function harness(options: { regionConfig?: Record<string, unknown> } = {}): Promise<Harness> {
  const clock = { now: new Date('2026-05-04T08:00:00Z') };
  const t = await createTestPlatform({
    plugins: [assessments, probe],
    regions: [
      {
        id: 'default',
        name: 'Default',
        plugins: options.regionConfig ? { assessments: { config: options.regionConfig } } : {},
      },
    ],
    now: () => clock.now,
    // Tests move the clock by hours; sessions outlive them.
    settings: { sessionTtlSeconds: 7 * 86_400 },
  });
  return {
    t,
    clock,
    as: (auth) => clientFor(t, auth),
    tick: (seconds) => {
      clock.now = new Date(clock.now.getTime() + seconds * 1000);
    },
  };
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

/** One item of each kind, each with a key that can be told apart in any JSON. */
export const sampleItems = (): ItemInput[] => [
  {
    kind: 'singleChoice',
    prompt: 'The capital of France?',
    skills: ['geography'],
    level: 'A1',
    options: [
      { id: 'lyon', text: 'Lyon' },
      { id: 'paris', text: 'Paris' },
    ],
    key: { correctOptionId: 'paris' },
  },
  {
    kind: 'multipleChoice',
    prompt: 'Which are prime?',
    skills: ['arithmetic'],
    level: 'A2',
    points: 2,
    scoring: 'partial',
    options: [
      { id: 'two', text: '2' },
      { id: 'three', text: '3' },
      { id: 'four', text: '4' },
      { id: 'five', text: '5' },
    ],
    key: { correctOptionIds: ['two', 'three', 'five'] },
  },
  {
    kind: 'numeric',
    prompt: 'π to two decimals?',
    skills: ['arithmetic'],
    key: { value: 3.14, tolerance: 0.005 },
  },
  {
    kind: 'shortAnswer',
    prompt: 'The chemical symbol of gold?',
    skills: ['chemistry'],
    key: { acceptedAnswers: ['Au-secret'] },
  },
  {
    kind: 'ordering',
    prompt: 'Order from small to large',
    skills: ['arithmetic'],
    options: [
      { id: 'one', text: 'one' },
      { id: 'ten', text: 'ten' },
      { id: 'hundred', text: 'hundred' },
      { id: 'thousand', text: 'thousand' },
    ],
    key: { correctOrder: ['one', 'ten', 'hundred', 'thousand'] },
  },
];

/** A bank owned by the token's person, holding the sample items; their ids in order. */
export async function bankWithItems(h: Harness, token: string, items: ItemInput[] = sampleItems()) {
  const api = h.as(token);
  const bank = await api.banks.create({ body: { title: 'General knowledge' } });
  const imported = await api.banks.import({
    bankId: bank.id,
    body: { format: 'lifelong.assessments.items', version: 1, items },
  });
  return { bank, itemIds: imported.itemIds };
}

/** An open form over the given items of the bank. */
export async function openForm(
  h: Harness,
  token: string,
  bankId: string,
  itemIds: string[],
  rules: {
    timeLimitSeconds?: number;
    passPercent?: number;
    maxAttempts?: number;
    cooldownSeconds?: number;
    revealAnswers?: boolean;
  } = {},
) {
  return h.as(token).banks.forms.create({
    bankId,
    body: {
      title: 'Quiz',
      selection: { kind: 'fixed', itemIds },
      timeLimitSeconds: rules.timeLimitSeconds ?? 600,
      passPercent: rules.passPercent ?? 60,
      ...(rules.maxAttempts !== undefined ? { maxAttempts: rules.maxAttempts } : {}),
      ...(rules.cooldownSeconds !== undefined ? { cooldownSeconds: rules.cooldownSeconds } : {}),
      ...(rules.revealAnswers !== undefined ? { revealAnswers: rules.revealAnswers } : {}),
      status: 'open',
    },
  });
}

// Shared by the plugin's tests (not part of the package's entry points): a platform with a movable
// clock and the assessments plugin, companies with their keys, the fixture taxonomies imported
// through the imports job, and passed self-tests.
import { readFile } from 'node:fs/promises';
import { definePlugin } from '@lifelong/core';
import { createTestPlatform, TestCallError, type TestPlatform } from '@lifelong/core/testing';
import assessments from '@lifelong/plugin-assessments';
import assessmentsClient from '@lifelong/plugin-assessments/client';
import { expect } from 'vitest';
import client from './client.js';
import { MatchImproved, NeedPublished } from './events.js';
import industrySupport from './index.js';

/** What the quality-control center would receive: every event of the plugin, in order. */
export const received: { name: string; payload: Record<string, unknown> }[] = [];

/** A plugin that requires industry-support, as quality control will, and watches its events. */
export const probe = definePlugin({
  id: 'industry-support-probe',
  version: '0.1.0',
  requires: { core: '^0.1.0', plugins: { 'industry-support': '^0.1.0' } },
  register(p) {
    p.on(NeedPublished, async (event) => {
      received.push({ name: NeedPublished.name, payload: event.payload });
    });
    p.on(MatchImproved, async (event) => {
      received.push({ name: MatchImproved.name, payload: event.payload });
    });
  },
});

export const FIXTURES = new URL('../fixtures/', import.meta.url);

export interface Harness {
  t: TestPlatform;
  clock: { now: Date };
  /** The typed industry-support client as `auth` (a token or key; anonymous without). */
  as(auth?: string): ReturnType<typeof clientFor>;
  /** The typed assessments client as `auth`. */
  tests(auth: string): ReturnType<typeof testsFor>;
  /** Moves the clock on by days. */
  tickDays(days: number): void;
}

const clientFor = (t: TestPlatform, auth?: string) => t.client(auth, [client]).industrySupport;
const testsFor = (t: TestPlatform, auth: string) => t.client(auth, [assessmentsClient]).assessments;

export async function harness(options: { regionConfig?: Record<string, unknown> } = {}): Promise<Harness> {
  const clock = { now: new Date('2026-05-04T08:00:00Z') };
  const t = await createTestPlatform({
    plugins: [assessments, industrySupport, probe],
    regions: [
      {
        id: 'default',
        name: 'Default',
        plugins: options.regionConfig ? { 'industry-support': { config: options.regionConfig } } : {},
      },
    ],
    now: () => clock.now,
    settings: { sessionTtlSeconds: 7 * 86_400 },
  });
  return {
    t,
    clock,
    as: (auth) => clientFor(t, auth),
    tests: (auth) => testsFor(t, auth),
    tickDays: (days) => {
      clock.now = new Date(clock.now.getTime() + days * 86_400_000);
    },
  };
}

/** An accredited company of the region (or of another kind / not accredited) and an `industry-partner` key of it. */
export async function company(
  h: Harness,
  name: string,
  options: { kind?: string; accredited?: boolean; role?: string; regionId?: string } = {},
) {
  const admin = async (path: string, json: unknown, method = 'POST') => {
    const res = await h.t.request(path, { method, auth: 'admin', json });
    const body = await res.json();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(body)}`);
    return body;
  };
  const institution = await admin('/v1/institutions', {
    name,
    kind: options.kind ?? 'company',
    regionId: options.regionId ?? 'default',
  });
  if (options.accredited !== false) {
    await admin(`/v1/institutions/${institution.id}/accreditation`, { status: 'accredited' }, 'PUT');
  }
  const key = await admin('/v1/api-keys', {
    name: `${name} system`,
    role: options.role ?? 'industry-partner',
    institutionId: institution.id,
  });
  return { id: institution.id as string, key: key.key as string };
}

/** Uploads a fixture file (or given bytes) as an import of the taxonomy. */
export async function upload(
  h: Harness,
  auth: string,
  taxonomyId: string,
  file: string,
  content: string | Uint8Array,
  contentType = 'text/csv',
) {
  return h.t.request(`/v1/industry-support/taxonomies/${taxonomyId}/imports/${file}`, {
    method: 'POST',
    auth,
    body: typeof content === 'string' ? new TextEncoder().encode(content) : content,
    headers: { 'Content-Type': contentType },
  });
}

export const fixture = (path: string) => readFile(new URL(path, FIXTURES), 'utf8');

/** Runs the imports job until no import has work left. */
export async function drainImports(h: Harness, admin: string, importIds: string[]) {
  for (let run = 0; run < 50; run++) {
    const states = await Promise.all(importIds.map((importId) => h.as(admin).taxonomies.imports.get({ importId })));
    if (states.every((s) => s.status === 'completed' || s.status === 'failed')) return states;
    await h.t.runJob('industry-support', 'imports');
  }
  throw new Error('imports did not finish');
}

const ESCO_FILES: [string, string][] = [
  ['esco-occupations', 'esco/occupations.csv'],
  ['esco-skills', 'esco/skills.csv'],
  ['esco-skill-groups', 'esco/skill_groups.csv'],
  ['esco-occupation-skills', 'esco/occupation_skill_relations.csv'],
  ['esco-skill-hierarchy', 'esco/skill_hierarchy.csv'],
];

/** The ESCO fixture, imported as `esco` `version` by the region admin; its skills by label. */
export async function importEsco(h: Harness, admin: string, version = '1.1.1') {
  const taxonomy = await h.as(admin).taxonomies.create({
    body: {
      code: 'esco',
      version,
      name: 'ESCO (fixture)',
      format: 'esco-csv',
      source: 'https://github.com/tabiya-tech/tabiya-open-dataset',
      licence: 'CC BY 4.0',
    },
  });
  const ids: string[] = [];
  for (const [file, path] of ESCO_FILES) {
    const res = await upload(h, admin, taxonomy.id, file, await fixture(path));
    expect(res.status).toBe(202);
    ids.push((await res.json()).id);
  }
  const imports = await drainImports(h, admin, ids);
  const skills = await h.as(admin).taxonomies.skills.list({ taxonomyId: taxonomy.id, limit: 100 });
  const byLabel = Object.fromEntries(skills.items.map((s) => [s.label, s.id]));
  const occupations = await h.as(admin).taxonomies.occupations.list({ taxonomyId: taxonomy.id });
  return {
    taxonomy,
    imports,
    skill: byLabel,
    occupation: Object.fromEntries(occupations.items.map((o) => [o.label, o.id])),
  };
}

/** A one-item self-test owned by `author`, open; `pass` makes `learner` pass it (or fail it). */
export async function selfTest(h: Harness, author: string) {
  const api = h.tests(author);
  const bank = await api.banks.create({ body: { title: 'Self-test' } });
  const { itemIds } = await api.banks.import({
    bankId: bank.id,
    body: {
      format: 'lifelong.assessments.items',
      version: 1,
      items: [
        {
          kind: 'singleChoice',
          prompt: 'Which gas shields a MIG weld?',
          options: [
            { id: 'argon', text: 'Argon' },
            { id: 'oxygen', text: 'Oxygen' },
          ],
          key: { correctOptionId: 'argon' },
        },
      ],
    },
  });
  const form = await api.banks.forms.create({
    bankId: bank.id,
    body: {
      title: 'Welding basics',
      selection: { kind: 'fixed', itemIds },
      timeLimitSeconds: 600,
      passPercent: 50,
      status: 'open',
    },
  });
  return form.id;
}

export async function takeTest(h: Harness, learner: string, formId: string, correct = true) {
  const api = h.tests(learner);
  const attempt = await api.forms.attempts.start({ formId });
  await api.attempts.responses.save({
    attemptId: attempt.id,
    position: 1,
    body: { optionIds: [correct ? 'argon' : 'oxygen'] },
  });
  return api.attempts.submit({ attemptId: attempt.id });
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

/** A fresh session for the person (after the clock moved past their token's lifetime). */
export async function signIn(h: Harness, person: { learnerNumber: string; password: string }): Promise<string> {
  const res = await h.t.request('/v1/sessions', {
    method: 'POST',
    json: { learnerNumber: person.learnerNumber, password: person.password },
  });
  expect(res.status).toBe(201);
  return (await res.json()).token;
}

import { Type } from '@sinclair/typebox';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform, type TestPrincipals } from '../testing/index.js';
import { definePlugin } from './define-plugin.js';
import { regionPlugins } from './schema.js';

// reports → courses → bank: each requires the next (`requires.plugins`).
const bank = definePlugin({
  id: 'bank',
  version: '1.0.0',
  config: Type.Object({
    rates: Type.Object({ base: Type.Number({ default: 1 }), bonus: Type.Number({ default: 0 }) }, { default: {} }),
    tags: Type.Array(Type.String(), { default: [] }),
    label: Type.String({ default: 'bank' }),
  }),
  register() {},
});
const courses = definePlugin({
  id: 'courses',
  version: '1.0.0',
  requires: { plugins: { bank: '^1.0.0' } },
  config: Type.Object({ maxLength: Type.Integer({ minimum: 1, default: 100 }) }),
  register() {},
});
const reports = definePlugin({
  id: 'reports',
  version: '1.0.0',
  requires: { plugins: { courses: '^1.0.0' } },
  register() {},
});

const allOff = { bank: { enabled: false }, courses: { enabled: false }, reports: { enabled: false } };

let t: TestPlatform;
let p: TestPrincipals;
beforeAll(async () => {
  t = await createTestPlatform({
    plugins: [reports, courses, bank],
    regions: [
      { id: 'default', name: 'Default' },
      { id: 'dormant', name: 'Dormant', plugins: allOff },
      { id: 'dormant-two', name: 'Dormant two', plugins: allOff },
      { id: 'busy', name: 'Busy' },
      { id: 'busy-two', name: 'Busy two' },
    ],
  });
  p = await t.principals();
});
afterAll(() => t?.close());

const url = (region: string, plugin: string, query = '') => `/v1/regions/${region}/plugins/${plugin}${query}`;
const put = (region: string, plugin: string, json: unknown, { auth = 'admin', query = '' } = {}) =>
  t.request(url(region, plugin, query), { method: 'PUT', auth, json });
const patch = (region: string, plugin: string, json: unknown, { auth = 'admin', query = '' } = {}) =>
  t.request(url(region, plugin, query), { method: 'PATCH', auth, json });
const state = async (region: string, plugin: string) =>
  (await t.request(url(region, plugin), { auth: 'admin' })).json();
const stored = async (region: string, plugin: string) => {
  const [row] = await t.platform.database.db
    .select({ config: regionPlugins.config })
    .from(regionPlugins)
    .where(and(eq(regionPlugins.regionId, region), eq(regionPlugins.pluginId, plugin)));
  return row?.config;
};
const enabledIn = async (region: string) =>
  Object.fromEntries(
    await Promise.all(['bank', 'courses', 'reports'].map(async (id) => [id, (await state(region, id)).enabled])),
  );
const audits = async (region: string) =>
  (
    (await (await t.request(`/v1/audit?action=plugin.region.updated&limit=100`, { auth: 'admin' })).json()).items as {
      regionId: string;
      subjectId: string;
      details: Record<string, unknown>;
    }[]
  ).filter((entry) => entry.regionId === region);

describe('region plugin config: unknown keys', () => {
  it('refuses an unknown key in a PUT, naming it, and stores nothing', async () => {
    const res = await put('default', 'courses', { enabled: true, config: { maxLenght: 10 } });
    expect(res.status).toBe(400);
    const problem = await res.json();
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.errors).toEqual([
      { path: '/body/config/maxLenght', rule: 'additionalProperties', message: 'Unknown property' },
    ]);
    expect(await stored('default', 'courses')).toEqual({});
  });

  it('refuses an unknown key nested in a PATCH, naming its path', async () => {
    const res = await patch('default', 'bank', { config: { rates: { bonsu: 2 } } });
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toEqual([
      expect.objectContaining({ path: '/body/config/rates/bonsu', rule: 'additionalProperties' }),
    ]);
    expect(await stored('default', 'bank')).toEqual({});
  });
});

describe('region plugin config: unknown keys stored before they were refused', () => {
  it('are named by the next PATCH, which removes them with null', async () => {
    await t.platform.database.db
      .update(regionPlugins)
      .set({ config: { legacy: 1 } })
      .where(and(eq(regionPlugins.regionId, 'busy'), eq(regionPlugins.pluginId, 'courses')));
    const refused = await patch('busy', 'courses', { config: { maxLength: 5 } });
    expect(refused.status).toBe(400);
    expect((await refused.json()).errors).toEqual([expect.objectContaining({ path: '/body/config/legacy' })]);
    expect((await patch('busy', 'courses', { config: { legacy: null, maxLength: 5 } })).status).toBe(200);
    expect(await stored('busy', 'courses')).toEqual({ maxLength: 5 });
  });
});

describe('region plugin config: PATCH and PUT', () => {
  it('PATCH merges into the stored config: objects merge, arrays replace, null deletes (its default applies)', async () => {
    expect(
      (await put('default', 'bank', { enabled: true, config: { rates: { base: 2 }, tags: ['a', 'b'], label: 'x' } }))
        .status,
    ).toBe(200);
    const res = await patch('default', 'bank', { config: { rates: { bonus: 3 }, tags: ['c'], label: null } });
    expect(res.status).toBe(200);
    expect((await res.json()).config).toEqual({ rates: { base: 2, bonus: 3 }, tags: ['c'], label: 'bank' });
    // Merged into what was stored, not into the defaults-applied view.
    expect(await stored('default', 'bank')).toEqual({ rates: { base: 2, bonus: 3 }, tags: ['c'] });
  });

  it('PATCH validates the merged config', async () => {
    const res = await patch('default', 'courses', { config: { maxLength: 0 } });
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0]).toMatchObject({ path: '/body/config/maxLength', rule: 'integerMinimum' });
  });

  it('PATCH with only enabled keeps the config; an empty PATCH is refused', async () => {
    await patch('default', 'courses', { config: { maxLength: 7 } });
    expect((await patch('default', 'reports', { enabled: false })).status).toBe(200);
    expect((await patch('default', 'reports', { enabled: true })).status).toBe(200);
    expect((await patch('default', 'courses', { enabled: true })).status).toBe(200);
    expect((await state('default', 'courses')).config).toEqual({ maxLength: 7 });
    const empty = await patch('default', 'courses', {});
    expect(empty.status).toBe(400);
    expect((await empty.json()).errors[0]).toMatchObject({ path: '/body', rule: 'objectMinProperties' });
  });

  it('PUT replaces the config whole; without config it keeps the stored one', async () => {
    await put('default', 'bank', { enabled: true, config: { rates: { base: 5, bonus: 1 }, tags: ['z'] } });
    expect((await put('default', 'bank', { enabled: true, config: { label: 'y' } })).status).toBe(200);
    expect(await stored('default', 'bank')).toEqual({ label: 'y' });
    expect((await state('default', 'bank')).config).toEqual({ rates: { base: 1, bonus: 0 }, tags: [], label: 'y' });
    expect((await put('default', 'bank', { enabled: true })).status).toBe(200);
    expect(await stored('default', 'bank')).toEqual({ label: 'y' });
  });

  it('audits each change with how it was made', async () => {
    await patch('default', 'courses', { config: { maxLength: 8 } });
    const [latest] = await audits('default');
    expect(latest).toMatchObject({
      subjectId: 'courses',
      details: { change: 'merge', configChanged: true, enabled: true },
    });
  });
});

describe('region plugin requirements', () => {
  it('refuse enabling a plugin whose requirement is disabled in the region (409, naming it), changing nothing', async () => {
    const res = await put('dormant', 'courses', { enabled: true });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({
      code: 'PLUGIN_REQUIREMENT_DISABLED',
      pluginId: 'courses',
      requirements: ['bank'],
    });
    expect((await patch('dormant', 'reports', { enabled: true })).status).toBe(409);
    expect(await enabledIn('dormant')).toEqual({ bank: false, courses: false, reports: false });
  });

  it('with ?cascade=true enable the requirements too, transitively, each audited', async () => {
    const res = await patch('dormant-two', 'reports', { enabled: true }, { query: '?cascade=true' });
    expect(res.status).toBe(200);
    expect(await enabledIn('dormant-two')).toEqual({ bank: true, courses: true, reports: true });
    const entries = await audits('dormant-two');
    expect(entries.map((e) => [e.subjectId, e.details.cascadeFrom ?? null]).sort()).toEqual([
      ['bank', 'reports'],
      ['courses', 'reports'],
      ['reports', null],
    ]);
  });

  it('refuse disabling a plugin that enabled plugins require (409, naming them), changing nothing', async () => {
    const res = await put('busy', 'bank', { enabled: false });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({
      code: 'PLUGIN_REQUIRED_BY_ENABLED',
      pluginId: 'bank',
      dependents: ['courses', 'reports'],
    });
    expect(await enabledIn('busy')).toEqual({ bank: true, courses: true, reports: true });
  });

  it('with ?cascade=true disable the dependents too, each audited', async () => {
    const res = await put('busy-two', 'courses', { enabled: false }, { query: '?cascade=true' });
    expect(res.status).toBe(200);
    expect(await enabledIn('busy-two')).toEqual({ bank: true, courses: false, reports: false });
    const entries = await audits('busy-two');
    expect(entries.map((e) => [e.subjectId, e.details.cascadeFrom ?? null]).sort()).toEqual([
      ['courses', null],
      ['reports', 'courses'],
    ]);
  });

  it('allow disabling a plugin nothing enabled requires, and enabling one whose requirements are on', async () => {
    expect((await patch('busy', 'reports', { enabled: false })).status).toBe(200);
    expect((await patch('busy', 'reports', { enabled: true })).status).toBe(200);
  });

  it('are documented: PUT and PATCH declare both 409 codes', async () => {
    const doc = await (await t.request('/openapi.json')).json();
    for (const method of ['put', 'patch']) {
      const conflict = doc.paths['/v1/regions/{regionId}/plugins/{pluginId}'][method].responses['409'].description;
      expect(conflict).toContain('PLUGIN_REQUIREMENT_DISABLED');
      expect(conflict).toContain('PLUGIN_REQUIRED_BY_ENABLED');
    }
  });
});

describe('region plugin administration: who may', () => {
  it('lets a region admin change their own region', async () => {
    expect(
      (await patch('default', 'courses', { config: { maxLength: 9 } }, { auth: p.regionAdmin.token })).status,
    ).toBe(200);
  });

  it('refuses a region admin of another region, a learner (403) and anonymous callers (401)', async () => {
    for (const send of [put, patch]) {
      const body = { enabled: true, config: { maxLength: 3 } };
      expect((await send('default', 'courses', body, { auth: p.otherRegionAdmin.token })).status).toBe(403);
      expect((await send('default', 'courses', body, { auth: p.learner.token })).status).toBe(403);
      const anonymous = await t.request(url('default', 'courses'), {
        method: send === put ? 'PUT' : 'PATCH',
        json: body,
      });
      expect(anonymous.status).toBe(401);
    }
    expect((await state('default', 'courses')).config).toEqual({ maxLength: 9 });
  });

  it('answers 404 for a plugin that is not installed and 400 for an unknown region', async () => {
    expect((await patch('default', 'ghost', { enabled: true })).status).toBe(404);
    const res = await patch('nowhere', 'courses', { enabled: true });
    expect(res.status).toBe(400);
    expect((await res.json()).code).toBe('IDENTITY_UNKNOWN_REGION');
  });
});

describe('the document lists what the server answers', () => {
  it('every status an operation answered in this file is declared for it', async () => {
    expect(await t.undeclaredStatuses()).toEqual([]);
  });
});

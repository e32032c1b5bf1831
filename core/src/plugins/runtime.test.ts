import { Type } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPerson, type TestPlatform } from '../testing/index.js';
import { definePlugin } from './define-plugin.js';
import { notesPlugin, startLog, vaultPlugin } from './fixtures/plugins.js';

let t: TestPlatform;
let regionAdmin: TestPerson;
beforeAll(async () => {
  startLog.length = 0;
  t = await createTestPlatform({
    // Given in the "wrong" order: the runtime loads vault (a dependency) first.
    plugins: [notesPlugin, vaultPlugin],
    regions: [
      { id: 'default', name: 'Default', plugins: { notes: { config: { greeting: 'hi' } } } },
      { id: 'quiet', name: 'Quiet', plugins: { notes: { enabled: false } } },
    ],
  });
  regionAdmin = await t.person({ roles: [{ role: 'region-admin', scope: { type: 'region', id: 'default' } }] });
});
afterAll(() => t.close());

const writeNote = (auth: string, region = 'default') =>
  t.request('/v1/notes/notes', {
    method: 'POST',
    auth,
    json: { text: 'remember' },
    headers: { 'Lifelong-Region': region },
  });

describe('plugin routes', () => {
  it('are mounted under /v1/<pluginId> with the region config, defaults applied', async () => {
    const person = await t.person();
    const res = await writeNote(person.token);
    expect(res.status).toBe(201);
    expect((await res.json()).greeting).toBe('hi');
  });

  it('are authenticated unless public', async () => {
    expect((await t.request('/v1/notes/notes', { method: 'POST', json: { text: 'x' } })).status).toBe(401);
  });

  it("check the plugin's own permissions, granted to roles by the plugin", async () => {
    const person = await t.person();
    expect((await t.request('/v1/notes/notes', { auth: person.token })).status).toBe(403);
    const res = await t.request('/v1/notes/notes', { auth: regionAdmin.token });
    expect(res.status).toBe(200);
    expect((await res.json()).count).toBeGreaterThanOrEqual(0);
  });

  it('answer 404 problem+json in a region where the plugin is disabled (after the authentication check)', async () => {
    const person = await t.person();
    const res = await t.request('/v1/notes/notes', {
      method: 'POST',
      auth: person.token,
      json: { text: 'x' },
      headers: { 'Lifelong-Region': 'quiet' },
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect((await res.json()).detail).toContain('not enabled in region "quiet"');
  });

  it('answer 404 problem+json for an unknown path inside the plugin prefix', async () => {
    const res = await t.request('/v1/notes/nowhere');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe('data isolation', () => {
  it("keeps a plugin out of another plugin's tables and the core's, but lets it use a dependency's service", async () => {
    const res = await t.request('/v1/notes/probe');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      vault: expect.stringMatching(/permission denied/),
      core: expect.stringMatching(/permission denied/),
      viaService: 1,
    });
  });
});

describe('the ledger in the plugin context', () => {
  it('posts in the request transaction: committed with the handler, rolled back with it', async () => {
    const person = await t.person();
    const res = await t.request('/v1/notes/rewards', { method: 'POST', auth: person.token, json: { points: 25 } });
    expect(res.status).toBe(201);
    const { accountId } = await res.json();
    const account = await (await t.request(`/v1/ledger/accounts/${accountId}`, { auth: person.token })).json();
    expect(account.creditsPosted).toBe('25');

    const count = async () => {
      const { sql } = await import('drizzle-orm');
      const { resultRows } = await import('../db/database.js');
      return resultRows<{ n: number }>(
        await t.platform.database.db.execute(
          sql`select count(*)::int as n from core.ledger_accounts where owner_id = ${person.id}`,
        ),
      )[0]?.n;
    };
    const before = await count();
    const failed = await t.request('/v1/notes/rewards', {
      method: 'POST',
      auth: person.token,
      json: { points: 5, failAfter: true },
    });
    expect(failed.status).toBe(500);
    expect(await count()).toBe(before);
  });
});

describe('regions at runtime', () => {
  it('enable and disable a plugin in one region within one request, leaving other regions alone', async () => {
    const person = await t.person();
    const put = (region: string, enabled: boolean, auth = 'admin') =>
      t.request(`/v1/regions/${region}/plugins/notes`, { method: 'PUT', auth, json: { enabled } });

    expect((await put('quiet', true)).status).toBe(200);
    expect((await writeNote(person.token, 'quiet')).status).toBe(201);
    expect((await put('quiet', false)).status).toBe(200);
    expect((await writeNote(person.token, 'quiet')).status).toBe(404);
    expect((await writeNote(person.token, 'default')).status).toBe(201);
  });

  it('validate config against the plugin schema, naming the field, and keep the old config', async () => {
    const res = await t.request('/v1/regions/default/plugins/notes', {
      method: 'PUT',
      auth: 'admin',
      json: { enabled: true, config: { maxLength: 0 } },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0]).toMatchObject({ path: '/body/config/maxLength' });
    const state = await (await t.request('/v1/regions/default/plugins/notes', { auth: 'admin' })).json();
    expect(state.config).toEqual({ maxLength: 100, greeting: 'hi' });
  });

  it('are changed by region admins of that region only, and audited', async () => {
    const put = (auth: string) =>
      t.request('/v1/regions/quiet/plugins/notes', { method: 'PUT', auth, json: { enabled: true } });
    expect((await put(regionAdmin.token)).status).toBe(403);
    const person = await t.person();
    expect((await put(person.token)).status).toBe(403);
    await t.request('/v1/regions/default/plugins/notes', {
      method: 'PUT',
      auth: regionAdmin.token,
      json: { enabled: true, config: { greeting: 'hello again' } },
    });
    const audit = await (await t.request('/v1/audit?action=plugin.region.updated', { auth: 'admin' })).json();
    expect(audit.items[0]).toMatchObject({ subjectId: 'notes', regionId: 'default', actorId: regionAdmin.id });
  });
});

describe('events', () => {
  const welcomeNotes = async (personId: string) => {
    const { db } = t.platform.database;
    const { sql } = await import('drizzle-orm');
    const { resultRows } = await import('../db/database.js');
    return resultRows<{ n: number }>(
      await db.execute(
        sql`select count(*)::int as n from notes.notes where author_id = ${personId} and text = 'welcome'`,
      ),
    )[0]?.n;
  };

  it('delivers core events to plugin handlers, which write in their own schema as their own role', async () => {
    const person = await t.person();
    await t.platform.events.drain();
    expect(await welcomeNotes(person.id)).toBe(1);
  });

  it('skips events of a region where the plugin is disabled', async () => {
    const person = await t.person({ region: 'quiet' });
    await t.platform.events.drain();
    expect(await welcomeNotes(person.id)).toBe(0);
  });
});

describe('discovery and OpenAPI', () => {
  it('lists installed plugins with versions, dependencies, permissions and region status', async () => {
    const { items } = await (await t.request('/v1/plugins')).json();
    const notes = items.find((p: { id: string }) => p.id === 'notes');
    expect(notes).toMatchObject({
      version: '2.0.0',
      requires: { core: '>=0.1.0', plugins: { vault: '^1.0.0' } },
      permissions: [{ name: 'notes.notes.moderate', description: 'Read every note in the region' }],
    });
    expect(notes.regions).toEqual(expect.arrayContaining([{ regionId: 'default', enabled: true }]));
    expect(items.map((p: { id: string }) => p.id)).toEqual(['vault', 'notes']);
  });

  it('tags plugin routes by plugin with its version', async () => {
    const doc = await (await t.request('/openapi.json')).json();
    expect(doc.tags).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'notes', 'x-version': '2.0.0' })]),
    );
    expect(doc.paths['/v1/notes/notes'].post.tags).toEqual(['notes']);
    expect(doc.paths['/v1/notes/notes'].get['x-permission']).toBe('notes.notes.moderate');
  });
});

describe('lifecycle', () => {
  it('ran start hooks once, dependencies first', () => {
    expect(startLog).toEqual(['notes']);
  });

  it('aborts boot when a plugin fails to start, stopping the ones already started', async () => {
    const stopped: string[] = [];
    const good = definePlugin({
      id: 'good',
      version: '1.0.0',
      register(p) {
        p.onStop(() => {
          stopped.push('good');
        });
      },
    });
    const bad = definePlugin({
      id: 'bad',
      version: '1.0.0',
      requires: { plugins: { good: '^1.0.0' } },
      register(p) {
        p.onStart(() => {
          throw new Error('cannot reach the publisher API');
        });
      },
    });
    await expect(createTestPlatform({ plugins: [good, bad] })).rejects.toThrow(
      /Plugin "bad" failed to start: cannot reach the publisher API/,
    );
    expect(stopped).toEqual(['good']);
  });

  it('refuses declarations after the register phase', async () => {
    let late: (() => void) | undefined;
    const sneaky = definePlugin({
      id: 'sneaky',
      version: '1.0.0',
      register(p) {
        late = () =>
          p.route({
            method: 'get',
            path: '/late',
            summary: 'late',
            access: { public: true },
            responses: { 200: { description: 'x', schema: Type.Object({}) } },
            handler: () => ({ status: 200, body: {} }),
          });
      },
    });
    const platform = await createTestPlatform({ plugins: [sneaky] });
    try {
      expect(late).toThrow(/may only be declared inside register/);
    } finally {
      await platform.close();
    }
  });
});

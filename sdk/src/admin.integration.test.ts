import { definePlugin } from '@lifelong/core';
import { createTestPlatform, type TestPlatform } from '@lifelong/core/testing';
import { Type } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { createClient, type InstalledPlugin, LifelongError, type RegionPluginState } from './index.js';

// `admin.plugins` against a real in-process platform (PGlite, or PostgreSQL with DATABASE_URL)
// running a real, if tiny, plugin with a per-region config.
const greeter = definePlugin({
  id: 'greeter',
  version: '1.4.0',
  description: 'Greets people',
  config: Type.Object({ greeting: Type.String({ minLength: 1, default: 'hello' }) }),
  permissions: { 'greetings.send': 'Send greetings' },
  register() {},
});

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform({ plugins: [greeter] });
});
afterAll(() => t.close());

const fetchVia = (request: Request) => Promise.resolve(t.platform.app.fetch(request));
const base = 'http://lifelong.test/';

describe('admin.plugins against a real platform', () => {
  it('lists installed plugins, reads and sets a region’s plugin state', async () => {
    const admin = createClient({ baseUrl: base, fetch: fetchVia, auth: { apiKey: t.adminKey } });

    const installed = await admin.admin.plugins.list();
    expectTypeOf(installed).toEqualTypeOf<InstalledPlugin[]>();
    expect(installed.find((p) => p.id === 'greeter')).toEqual({
      id: 'greeter',
      version: '1.4.0',
      description: 'Greets people',
      requires: { core: null, plugins: {} },
      permissions: [{ name: 'greeter.greetings.send', description: 'Send greetings' }],
      mints: [],
      regions: [{ regionId: 'default', enabled: true }],
    });

    const state = await admin.admin.plugins.get('default', 'greeter');
    expectTypeOf(state).toEqualTypeOf<RegionPluginState>();
    expect(state).toEqual({
      regionId: 'default',
      pluginId: 'greeter',
      version: '1.4.0',
      enabled: true,
      config: { greeting: 'hello' },
    });

    const set = await admin.admin.plugins.set('default', 'greeter', { enabled: false, config: { greeting: 'nǐ hǎo' } });
    expect(set).toMatchObject({ enabled: false, config: { greeting: 'nǐ hǎo' } });
    // Without `config`, the stored config is kept.
    expect(await admin.admin.plugins.set('default', 'greeter', { enabled: true })).toMatchObject({
      enabled: true,
      config: { greeting: 'nǐ hǎo' },
    });
    expect((await admin.admin.plugins.list()).find((p) => p.id === 'greeter')?.regions).toEqual([
      { regionId: 'default', enabled: true },
    ]);
  });

  it('turns a config the plugin rejects into a LifelongError naming the field, and changes nothing', async () => {
    const admin = createClient({ baseUrl: base, fetch: fetchVia, auth: { apiKey: t.adminKey } });
    const before = await admin.admin.plugins.get('default', 'greeter');
    const error = await admin.admin.plugins
      .set('default', 'greeter', { enabled: !before.enabled, config: { greeting: '' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LifelongError);
    expect(error).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      errors: [expect.objectContaining({ path: '/body/config/greeting', rule: 'pluginConfig' })],
    });
    expect(await admin.admin.plugins.get('default', 'greeter')).toEqual(before);
    await expect(admin.admin.plugins.get('default', 'nobody')).rejects.toMatchObject({ status: 404 });
  });

  it('lets anyone list plugins but only plugin managers read or change a region’s state', async () => {
    const person = await t.person();
    const asPerson = createClient({ baseUrl: base, fetch: fetchVia, auth: { token: person.token } });
    expect((await asPerson.admin.plugins.list()).map((p) => p.id)).toContain('greeter');
    await expect(asPerson.admin.plugins.get('default', 'greeter')).rejects.toMatchObject({ status: 403 });
    await expect(asPerson.admin.plugins.set('default', 'greeter', { enabled: false })).rejects.toMatchObject({
      status: 403,
    });
    const anonymous = createClient({ baseUrl: base, fetch: fetchVia });
    await expect(anonymous.admin.plugins.get('default', 'greeter')).rejects.toMatchObject({ status: 401 });
    expect((await asPerson.admin.plugins.list()).find((p) => p.id === 'greeter')?.regions).toEqual([
      { regionId: 'default', enabled: true },
    ]);
  });
});

import { definePlugin } from '@lifelong/core';
import { createTestPlatform, type TestPlatform } from '@lifelong/core/testing';
import { Type } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { createClient, type InstalledPlugin, LifelongError, type RegionPluginState } from './index.js';

// Plugin administration (`plugins.list`, `regions.plugins.*`) against a real in-process platform (PGlite, or PostgreSQL with DATABASE_URL)
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

describe('plugin administration against a real platform', () => {
  it('lists installed plugins, reads and sets a region’s plugin state', async () => {
    const admin = createClient({ baseUrl: base, fetch: fetchVia, auth: { apiKey: t.adminKey } });

    const installed = (await admin.plugins.list()).items;
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

    const state = await admin.regions.plugins.get({ regionId: 'default', pluginId: 'greeter' });
    expectTypeOf(state).toEqualTypeOf<RegionPluginState>();
    expect(state).toEqual({
      regionId: 'default',
      pluginId: 'greeter',
      version: '1.4.0',
      enabled: true,
      config: { greeting: 'hello' },
    });

    const set = await admin.regions.plugins.set({
      regionId: 'default',
      pluginId: 'greeter',
      body: { enabled: false, config: { greeting: 'nǐ hǎo' } },
    });
    expect(set).toMatchObject({ enabled: false, config: { greeting: 'nǐ hǎo' } });
    // Without `config`, the stored config is kept.
    expect(
      await admin.regions.plugins.set({ regionId: 'default', pluginId: 'greeter', body: { enabled: true } }),
    ).toMatchObject({
      enabled: true,
      config: { greeting: 'nǐ hǎo' },
    });
    expect((await admin.plugins.list()).items.find((p) => p.id === 'greeter')?.regions).toEqual([
      { regionId: 'default', enabled: true },
    ]);
  });

  it('turns a config the plugin rejects into a LifelongError naming the field, and changes nothing', async () => {
    const admin = createClient({ baseUrl: base, fetch: fetchVia, auth: { apiKey: t.adminKey } });
    const before = await admin.regions.plugins.get({ regionId: 'default', pluginId: 'greeter' });
    const error = await admin.regions.plugins
      .set({ regionId: 'default', pluginId: 'greeter', body: { enabled: !before.enabled, config: { greeting: '' } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LifelongError);
    expect(error).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      errors: [expect.objectContaining({ path: '/body/config/greeting', rule: 'stringMinLength' })],
    });
    expect(await admin.regions.plugins.get({ regionId: 'default', pluginId: 'greeter' })).toEqual(before);
    await expect(admin.regions.plugins.get({ regionId: 'default', pluginId: 'nobody' })).rejects.toMatchObject({
      status: 404,
    });
  });

  it('lets anyone list plugins but only plugin managers read or change a region’s state', async () => {
    const person = await t.person();
    const asPerson = createClient({ baseUrl: base, fetch: fetchVia, auth: { token: person.token } });
    expect((await asPerson.plugins.list()).items.map((p) => p.id)).toContain('greeter');
    await expect(asPerson.regions.plugins.get({ regionId: 'default', pluginId: 'greeter' })).rejects.toMatchObject({
      status: 403,
    });
    await expect(
      asPerson.regions.plugins.set({ regionId: 'default', pluginId: 'greeter', body: { enabled: false } }),
    ).rejects.toMatchObject({
      status: 403,
    });
    const anonymous = createClient({ baseUrl: base, fetch: fetchVia });
    await expect(anonymous.regions.plugins.get({ regionId: 'default', pluginId: 'greeter' })).rejects.toMatchObject({
      status: 401,
    });
    expect((await asPerson.plugins.list()).items.find((p) => p.id === 'greeter')?.regions).toEqual([
      { regionId: 'default', enabled: true },
    ]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/database.js';
import { createTestPlatform } from '../testing/index.js';
import { createTestDatabase } from '../testing/test-database.js';
import { notesPlugin, vaultPlugin } from './fixtures/plugins.js';

// Seeds apply once per region and plugin; a plugin installed later is seeded against what region
// admins have done since, not against the file alone.

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('seeding a newly installed plugin', () => {
  it('starts it disabled where a plugin it requires was disabled at runtime, and says so in the log', async () => {
    const first = await createTestPlatform({ database, plugins: [vaultPlugin] });
    const off = await first.request('/v1/regions/default/plugins/vault', {
      method: 'PATCH',
      auth: 'admin',
      json: { enabled: false },
    });
    expect(off.status).toBe(200);
    await first.close();

    // The next deployment adds notes, which requires vault: vault stays off, so notes may not start on.
    const second = await createTestPlatform({ database, plugins: [vaultPlugin, notesPlugin] });
    try {
      const notes = await (await second.request('/v1/regions/default/plugins/notes', { auth: 'admin' })).json();
      expect(notes.enabled).toBe(false);
      const vault = await (await second.request('/v1/regions/default/plugins/vault', { auth: 'admin' })).json();
      expect(vault.enabled).toBe(false);
      const warning = second.logs().find((line) => line.pluginId === 'notes' && line.regionId === 'default');
      expect(warning).toMatchObject({ level: 40, disabledRequirements: ['vault'] });
      // Enabling it now is refused the usual way, naming the requirement.
      const on = await second.request('/v1/regions/default/plugins/notes', {
        method: 'PATCH',
        auth: 'admin',
        json: { enabled: true },
      });
      expect(on.status).toBe(409);
      expect((await on.json()).code).toBe('PLUGIN_REQUIREMENT_DISABLED');
    } finally {
      await second.close();
    }
  });

  it('enables it where its requirements are on (the default)', async () => {
    const fresh = await createTestDatabase();
    const t = await createTestPlatform({ database: fresh, plugins: [vaultPlugin, notesPlugin] });
    try {
      const notes = await (await t.request('/v1/regions/default/plugins/notes', { auth: 'admin' })).json();
      expect(notes.enabled).toBe(true);
    } finally {
      await t.close();
      await fresh.close();
    }
  });
});

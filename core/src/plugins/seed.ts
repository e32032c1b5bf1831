import { eq } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { regions } from '../regions/schema.js';
import type { AnyPlugin } from './define-plugin.js';
import { configErrors, type PreflightIssue } from './preflight.js';
import type { RegionSeed } from './region-seeds.js';
import { regionPlugins } from './schema.js';

/** A plugin a seed would have enabled but left disabled, because a plugin it requires is off there. */
export interface SeedNotice {
  regionId: string;
  pluginId: string;
  /** The required plugins disabled in the region. */
  disabledRequirements: string[];
}

/**
 * Applies `lifelong.config.ts`'s regions once: creates missing regions and, per region, a row for
 * each plugin not yet there (enabled unless the seed says otherwise). Existing rows are never
 * overwritten: runtime changes by region admins win over the file. A new plugin is seeded against
 * the stored state, not the file alone: where a region admin has disabled a plugin it requires,
 * it starts disabled (a notice says so) instead of enabled over a missing requirement. `plugins`
 * come in dependency order, so a requirement's row is settled before its dependents'.
 */
export async function seedRegions(
  db: Database,
  seeds: readonly RegionSeed[],
  plugins: readonly AnyPlugin[],
): Promise<SeedNotice[]> {
  const notices: SeedNotice[] = [];
  await db.transaction(async (tx) => {
    for (const seed of seeds) {
      await tx
        .insert(regions)
        .values({ id: seed.id, name: seed.name, parentId: seed.parentId ?? null })
        .onConflictDoNothing();
      const stored = new Map(
        (
          await tx
            .select({ pluginId: regionPlugins.pluginId, enabled: regionPlugins.enabled })
            .from(regionPlugins)
            .where(eq(regionPlugins.regionId, seed.id))
        ).map((row) => [row.pluginId, row.enabled]),
      );
      for (const plugin of plugins) {
        if (stored.has(plugin.id)) continue;
        const pluginSeed = seed.plugins?.[plugin.id];
        const disabledRequirements = Object.keys(plugin.requires?.plugins ?? {}).filter(
          (id) => stored.get(id) !== true,
        );
        const wanted = pluginSeed?.enabled ?? true;
        const enabled = wanted && disabledRequirements.length === 0;
        if (wanted && !enabled) notices.push({ regionId: seed.id, pluginId: plugin.id, disabledRequirements });
        await tx
          .insert(regionPlugins)
          .values({
            regionId: seed.id,
            pluginId: plugin.id,
            enabled,
            config: pluginSeed?.config ?? {},
            updatedBy: 'lifelong.config.ts',
          })
          .onConflictDoNothing();
        stored.set(plugin.id, enabled);
      }
    }
  });
  return notices;
}

/**
 * Stored configs that no longer fit their plugin's schema (e.g. after an upgrade): a boot-time
 * error. Unknown keys are let through here: configs stored before they were refused may hold
 * some, and the next PUT or PATCH of the plugin names them (config-schema.ts).
 */
export async function validateStoredConfigs(db: Database, plugins: readonly AnyPlugin[]): Promise<PreflightIssue[]> {
  const issues: PreflightIssue[] = [];
  for (const plugin of plugins) {
    const rows = await db.select().from(regionPlugins).where(eq(regionPlugins.pluginId, plugin.id));
    for (const row of rows) {
      for (const error of configErrors(plugin.config, row.config, { unknownKeys: 'allow' })) {
        issues.push({
          code: 'PLUGIN_INVALID_CONFIG',
          plugin: plugin.id,
          message: `Stored config for region "${row.regionId}" is invalid at ${error}.`,
          fix: `Set a valid config with PUT /v1/regions/${row.regionId}/plugins/${plugin.id}.`,
        });
      }
    }
  }
  return issues;
}

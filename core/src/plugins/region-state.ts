import type { TObject } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { regionPlugins } from './schema.js';

export interface RegionPluginState {
  enabled: boolean;
  config: Record<string, unknown>;
}

/** A plugin's state in a region; a region that never enabled it has no row: disabled. */
export async function regionPluginState(db: Queryable, regionId: string, pluginId: string): Promise<RegionPluginState> {
  const [row] = await db
    .select({ enabled: regionPlugins.enabled, config: regionPlugins.config })
    .from(regionPlugins)
    .where(and(eq(regionPlugins.regionId, regionId), eq(regionPlugins.pluginId, pluginId)))
    .limit(1);
  return row ?? { enabled: false, config: {} };
}

/** Stored config with the schema's defaults applied (stored config is validated when written). */
export function effectiveConfig(schema: TObject | undefined, stored: Record<string, unknown>): Record<string, unknown> {
  return schema ? (Value.Default(schema, structuredClone(stored)) as Record<string, unknown>) : {};
}

/** Regions where the plugin is enabled, in id order. */
export async function enabledRegions(db: Queryable, pluginId: string): Promise<string[]> {
  const rows = await db
    .select({ regionId: regionPlugins.regionId })
    .from(regionPlugins)
    .where(and(eq(regionPlugins.pluginId, pluginId), eq(regionPlugins.enabled, true)))
    .orderBy(regionPlugins.regionId);
  return rows.map((row) => row.regionId);
}

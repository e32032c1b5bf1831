import { eq } from 'drizzle-orm';
import { type Actor, recordAudit } from '../audit/record.js';
import type { Database, Queryable } from '../db/database.js';
import { requestTransaction } from '../db/request-transaction.js';
import { NotFound, ValidationFailed } from '../errors/core-errors.js';
import { UnknownRegion } from '../identity/errors.js';
import { applyMergePatch } from '../json/merge-patch.js';
import { regions } from '../regions/schema.js';
import { configFieldErrors } from './config-schema.js';
import type { AnyPlugin } from './define-plugin.js';
import { PluginRequiredByEnabled, PluginRequirementDisabled } from './errors.js';
import { dependencyOrder } from './preflight.js';
import { effectiveConfig, regionPluginState } from './region-state.js';
import { dependentsOf, requirementsOf } from './requirements.js';
import { regionPlugins } from './schema.js';
import type { RegionPluginView } from './schemas.js';

// The rules of a plugin's enablement and config in a region, in one place: the routes parse,
// authorize and call these. A change loads the region's rows, applies the change, validates the
// resulting config, checks requirements both ways, saves and audits, all in one transaction.

/**
 * `replace` (PUT): `enabled` is given; `config`, when given, replaces the stored config whole, and
 * when omitted the stored config is kept (so a toggle never loses a region's settings).
 * `merge` (PATCH): each given part changes; `config` is a JSON Merge Patch (RFC 7396) applied to
 * the stored config (not the defaults-applied one): `null` deletes a key, objects merge, arrays
 * and scalars replace.
 */
export type RegionPluginChange =
  | { mode: 'replace'; enabled: boolean; config?: Record<string, unknown> | undefined }
  | { mode: 'merge'; enabled?: boolean | undefined; config?: Record<string, unknown> | undefined };

export interface RegionPluginUpdate {
  regionId: string;
  pluginId: string;
  change: RegionPluginChange;
  /**
   * Also enable the disabled plugins this one requires (when enabling it), or disable the enabled
   * plugins that require it (when disabling it), each audited; without it such a change is a 409.
   */
  cascade?: boolean;
}

interface StoredState {
  enabled: boolean;
  config: Record<string, unknown>;
}

export function findPlugin(plugins: readonly AnyPlugin[], pluginId: string): AnyPlugin {
  const plugin = plugins.find((p) => p.id === pluginId);
  if (!plugin) throw NotFound({ detail: `No plugin "${pluginId}" is installed.` });
  return plugin;
}

function view(plugin: AnyPlugin, regionId: string, state: StoredState): RegionPluginView {
  return {
    regionId,
    pluginId: plugin.id,
    version: plugin.version,
    enabled: state.enabled,
    config: effectiveConfig(plugin.config, state.config),
  };
}

/** The plugin's state in the region, defaults applied. */
export async function readRegionPlugin(
  db: Database,
  plugins: readonly AnyPlugin[],
  regionId: string,
  pluginId: string,
): Promise<RegionPluginView> {
  const plugin = findPlugin(plugins, pluginId);
  const [region] = await db.select({ id: regions.id }).from(regions).where(eq(regions.id, regionId)).limit(1);
  if (!region) throw UnknownRegion();
  return view(plugin, regionId, await regionPluginState(db, regionId, plugin.id));
}

/**
 * Locks the region (`FOR NO KEY UPDATE`: rows referencing it may still be inserted) so that two
 * changes in one region are serialized and requirement checks see each other's result; returns
 * the region's stored plugin states.
 */
async function lockRegion(tx: Queryable, regionId: string): Promise<Map<string, StoredState>> {
  const [region] = await tx
    .select({ id: regions.id })
    .from(regions)
    .where(eq(regions.id, regionId))
    .for('no key update');
  if (!region) throw UnknownRegion();
  const rows = await tx
    .select({ pluginId: regionPlugins.pluginId, enabled: regionPlugins.enabled, config: regionPlugins.config })
    .from(regionPlugins)
    .where(eq(regionPlugins.regionId, regionId));
  return new Map(rows.map((row) => [row.pluginId, { enabled: row.enabled, config: row.config }]));
}

function nextConfig(change: RegionPluginChange, stored: Record<string, unknown>): Record<string, unknown> {
  if (change.config === undefined) return stored;
  if (change.mode === 'replace') return change.config;
  return applyMergePatch(stored, change.config) as Record<string, unknown>;
}

async function save(
  tx: Queryable,
  actor: Actor,
  regionId: string,
  pluginId: string,
  state: StoredState,
  details: Record<string, unknown>,
): Promise<void> {
  const values = {
    ...state,
    updatedAt: new Date(),
    updatedBy: actor.principal.kind === 'anonymous' ? null : actor.principal.id,
  };
  await tx
    .insert(regionPlugins)
    .values({ regionId, pluginId, ...values })
    .onConflictDoUpdate({ target: [regionPlugins.regionId, regionPlugins.pluginId], set: values });
  await recordAudit(tx, actor, {
    action: 'plugin.region.updated',
    subjectType: 'plugin',
    subjectId: pluginId,
    regionId,
    details: { enabled: state.enabled, ...details },
  });
}

/**
 * The plugins to switch along with `plugin` so that no enabled plugin in the region lacks a
 * requirement, in the order to switch them; a 409 unless `cascade`.
 */
function cascadeFor(
  plugins: readonly AnyPlugin[],
  plugin: AnyPlugin,
  enabled: boolean,
  isEnabled: (id: string) => boolean,
  cascade: boolean,
): string[] {
  const order = dependencyOrder(plugins).order.map((p) => p.id);
  const inOrder = (ids: string[]) => order.filter((id) => ids.includes(id));
  if (enabled) {
    const requirements = requirementsOf(plugins, plugin.id).filter((id) => !isEnabled(id));
    if (requirements.length > 0 && !cascade) {
      throw PluginRequirementDisabled({
        detail: `"${plugin.id}" requires ${requirements.map((id) => `"${id}"`).join(', ')}, disabled in this region. Enable them first, or repeat with ?cascade=true to enable them too.`,
        extensions: { pluginId: plugin.id, requirements },
      });
    }
    return inOrder(requirements);
  }
  const dependents = dependentsOf(plugins, plugin.id).filter(isEnabled);
  if (dependents.length > 0 && !cascade) {
    throw PluginRequiredByEnabled({
      detail: `${dependents.map((id) => `"${id}"`).join(', ')}, enabled in this region, require "${plugin.id}". Disable them first, or repeat with ?cascade=true to disable them too.`,
      extensions: { pluginId: plugin.id, dependents },
    });
  }
  return inOrder(dependents).reverse();
}

/** Applies a change to a plugin's state in a region (see RegionPluginChange); returns the new state. */
export async function changeRegionPlugin(
  db: Database,
  plugins: readonly AnyPlugin[],
  actor: Actor,
  { regionId, pluginId, change, cascade = false }: RegionPluginUpdate,
): Promise<RegionPluginView> {
  const plugin = findPlugin(plugins, pluginId);
  return requestTransaction(db, async (tx) => {
    const stored = await lockRegion(tx, regionId);
    const current = stored.get(plugin.id) ?? { enabled: false, config: {} };
    const next = { enabled: change.enabled ?? current.enabled, config: nextConfig(change, current.config) };

    const errors = configFieldErrors(plugin.config, next.config, '/body/config');
    if (errors.length > 0) throw ValidationFailed({ errors });

    const isEnabled = (id: string) => (id === plugin.id ? next.enabled : (stored.get(id)?.enabled ?? false));
    const cascaded = cascadeFor(plugins, plugin, next.enabled, isEnabled, cascade);
    for (const id of cascaded) {
      const config = stored.get(id)?.config ?? {};
      // A requirement never configured here (a region created at runtime) may need config first.
      if (next.enabled && configFieldErrors(findPlugin(plugins, id).config, config).length > 0) {
        throw PluginRequirementDisabled({
          detail: `"${plugin.id}" requires "${id}", which cannot be enabled with its stored config here. Configure it first with PUT /v1/regions/${regionId}/plugins/${id}.`,
          extensions: { pluginId: plugin.id, requirements: [id] },
        });
      }
    }

    await save(tx, actor, regionId, plugin.id, next, {
      change: change.mode,
      configChanged: change.config !== undefined,
      wasEnabled: current.enabled,
      ...(cascaded.length > 0 ? { cascaded } : {}),
    });
    for (const id of cascaded) {
      const was = stored.get(id) ?? { enabled: false, config: {} };
      await save(
        tx,
        actor,
        regionId,
        id,
        { enabled: next.enabled, config: was.config },
        {
          change: 'cascade',
          configChanged: false,
          wasEnabled: was.enabled,
          cascadeFrom: plugin.id,
        },
      );
    }
    return view(plugin, regionId, next);
  });
}

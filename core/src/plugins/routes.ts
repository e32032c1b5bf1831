import type { Database } from '../db/database.js';
import { actorOf } from '../http/request-context.js';
import { defineRoute } from '../http/route.js';
import { requirePermission } from '../identity/authorize.js';
import { UnknownRegion } from '../identity/errors.js';
import { type AnyPlugin, mintableAssets } from './define-plugin.js';
import { PluginRequiredByEnabled, PluginRequirementDisabled } from './errors.js';
import { changeRegionPlugin, readRegionPlugin } from './region-config-service.js';
import { regionPlugins } from './schema.js';
import {
  PluginList,
  RegionPluginBody,
  RegionPluginParams,
  RegionPluginPatchBody,
  RegionPluginQuery,
  RegionPluginView,
} from './schemas.js';

/** Discovery (`GET /v1/plugins`) and per-region enablement and configuration. */
export function pluginRoutes(db: () => Database, plugins: () => readonly AnyPlugin[]) {
  return [
    defineRoute({
      method: 'get',
      path: '/plugins',
      summary: 'Installed plugins: versions, dependencies, permissions and where they are enabled',
      description:
        'Public: every installed plugin with its version, required plugins, declared permissions and the regions where it is enabled.',
      access: { public: true },
      responses: {
        200: { description: 'Every installed plugin', schema: PluginList },
      },
      handler: async () => {
        const states = await db().select().from(regionPlugins);
        return {
          status: 200,
          body: {
            items: plugins().map((p) => ({
              id: p.id,
              version: p.version,
              description: p.description ?? null,
              requires: { core: p.requires?.core ?? null, plugins: { ...p.requires?.plugins } },
              mints: mintableAssets(p),
              permissions: Object.entries(p.permissions ?? {}).map(([local, description]) => ({
                name: `${p.id}.${local}`,
                description,
              })),
              regions: states
                .filter((s) => s.pluginId === p.id)
                .map((s) => ({ regionId: s.regionId, enabled: s.enabled }))
                .sort((a, b) => a.regionId.localeCompare(b.regionId)),
            })),
          },
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/regions/{regionId}/plugins/{pluginId}',
      summary: "A plugin's state and configuration in a region",
      description:
        'Region admins of the region (`plugins.manage`): whether the plugin is enabled there and its effective configuration, defaults applied.',
      access: { permission: 'plugins.manage' },
      errors: [UnknownRegion],
      request: { params: RegionPluginParams },
      responses: { 200: { description: 'The state', schema: RegionPluginView } },
      handler: async ({ params }, c) => {
        requirePermission(c.get('principal'), 'plugins.manage', { regionId: params.regionId });
        return { status: 200, body: await readRegionPlugin(db(), plugins(), params.regionId, params.pluginId) };
      },
    }),
    defineRoute({
      method: 'put',
      path: '/regions/{regionId}/plugins/{pluginId}',
      summary: 'Enable, disable or configure a plugin in a region (takes effect on the next request)',
      description:
        "Region admins of the region (`plugins.manage`). Replaces the state: `enabled` is required; a given `config` replaces the stored config whole (omitted, the stored config is kept). The config is validated against the plugin's schema, unknown keys refused (400 naming the field). Enabling a plugin whose requirements are disabled here, or disabling one that enabled plugins require, is a 409 unless `?cascade=true`. Audited; never overwritten by `lifelong.config.ts`.",
      access: { permission: 'plugins.manage' },
      errors: [UnknownRegion, PluginRequirementDisabled, PluginRequiredByEnabled],
      request: { params: RegionPluginParams, query: RegionPluginQuery, body: RegionPluginBody },
      responses: { 200: { description: 'The new state', schema: RegionPluginView } },
      handler: async ({ params, query, body }, c) => {
        requirePermission(c.get('principal'), 'plugins.manage', { regionId: params.regionId });
        const change = { mode: 'replace' as const, enabled: body.enabled, config: body.config };
        return {
          status: 200,
          body: await changeRegionPlugin(db(), plugins(), actorOf(c), { ...params, ...query, change }),
        };
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/regions/{regionId}/plugins/{pluginId}',
      summary: "Change part of a plugin's state in a region: JSON Merge Patch on its config",
      description:
        'Region admins of the region (`plugins.manage`). Changes what is given: `enabled`, and/or `config` as a JSON Merge Patch (RFC 7396) on the stored config (`null` deletes a key so its default applies again; objects merge; arrays replace), validated after merging (400 naming the field). Requirements are checked as for PUT (409 unless `?cascade=true`). Audited.',
      access: { permission: 'plugins.manage' },
      errors: [UnknownRegion, PluginRequirementDisabled, PluginRequiredByEnabled],
      request: { params: RegionPluginParams, query: RegionPluginQuery, body: RegionPluginPatchBody },
      responses: { 200: { description: 'The new state', schema: RegionPluginView } },
      handler: async ({ params, query, body }, c) => {
        requirePermission(c.get('principal'), 'plugins.manage', { regionId: params.regionId });
        const change = { mode: 'merge' as const, enabled: body.enabled, config: body.config };
        return {
          status: 200,
          body: await changeRegionPlugin(db(), plugins(), actorOf(c), { ...params, ...query, change }),
        };
      },
    }),
  ];
}

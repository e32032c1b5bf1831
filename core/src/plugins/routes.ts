import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record.js';
import type { Database } from '../db/database.js';
import { NotFound, ValidationFailed } from '../errors/core-errors.js';
import { actorOf } from '../http/request-context.js';
import { defineRoute } from '../http/route.js';
import { requirePermission } from '../identity/authorize.js';
import { UnknownRegion } from '../identity/errors.js';
import { regions } from '../regions/schema.js';
import { type AnyPlugin, mintableAssets } from './define-plugin.js';
import { configErrors } from './preflight.js';
import { effectiveConfig, regionPluginState } from './region-state.js';
import { regionPlugins } from './schema.js';
import { PluginList, RegionPluginBody, RegionPluginParams, RegionPluginView } from './schemas.js';

/** Discovery (`GET /v1/plugins`) and per-region enablement and configuration. */
export function pluginRoutes(db: () => Database, plugins: () => readonly AnyPlugin[]) {
  const find = (pluginId: string) => {
    const plugin = plugins().find((p) => p.id === pluginId);
    if (!plugin) throw NotFound({ detail: `No plugin "${pluginId}" is installed.` });
    return plugin;
  };
  const requireRegion = async (regionId: string) => {
    const [row] = await db().select({ id: regions.id }).from(regions).where(eq(regions.id, regionId)).limit(1);
    if (!row) throw UnknownRegion();
  };

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
      request: { params: RegionPluginParams },
      responses: { 200: { description: 'The state', schema: RegionPluginView } },
      handler: async ({ params }, c) => {
        requirePermission(c.get('principal'), 'plugins.manage', { regionId: params.regionId });
        const plugin = find(params.pluginId);
        await requireRegion(params.regionId);
        const state = await regionPluginState(db(), params.regionId, plugin.id);
        return {
          status: 200,
          body: {
            regionId: params.regionId,
            pluginId: plugin.id,
            version: plugin.version,
            enabled: state.enabled,
            config: effectiveConfig(plugin.config, state.config),
          },
        };
      },
    }),
    defineRoute({
      method: 'put',
      path: '/regions/{regionId}/plugins/{pluginId}',
      summary: 'Enable, disable or configure a plugin in a region (takes effect on the next request)',
      description:
        "Region admins of the region (`plugins.manage`). The config is validated against the plugin's schema (400 naming the field); the change is audited and never overwritten by `lifelong.config.ts`.",
      access: { permission: 'plugins.manage' },
      request: {
        params: RegionPluginParams,
        body: RegionPluginBody,
      },
      responses: { 200: { description: 'The new state', schema: RegionPluginView } },
      handler: async ({ params, body }, c) => {
        requirePermission(c.get('principal'), 'plugins.manage', { regionId: params.regionId });
        const plugin = find(params.pluginId);
        await requireRegion(params.regionId);
        const actor = actorOf(c);
        const row = await db().transaction(async (tx) => {
          const [current] = await tx
            .select()
            .from(regionPlugins)
            .where(and(eq(regionPlugins.regionId, params.regionId), eq(regionPlugins.pluginId, plugin.id)))
            .for('update');
          const config = body.config ?? current?.config ?? {};
          const errors = configErrors(plugin.config, config);
          if (errors.length > 0) {
            throw ValidationFailed({
              errors: errors.map((error) => {
                const [path = '/', message = error] = error.split(': ');
                return { path: `/body/config${path === '/' ? '' : path}`, rule: 'pluginConfig', message };
              }),
            });
          }
          const values = {
            enabled: body.enabled,
            config,
            updatedAt: new Date(),
            updatedBy: actor.principal.kind === 'anonymous' ? null : actor.principal.id,
          };
          const [saved] = await tx
            .insert(regionPlugins)
            .values({ regionId: params.regionId, pluginId: plugin.id, ...values })
            .onConflictDoUpdate({ target: [regionPlugins.regionId, regionPlugins.pluginId], set: values })
            .returning();
          await recordAudit(tx, actor, {
            action: 'plugin.region.updated',
            subjectType: 'plugin',
            subjectId: plugin.id,
            regionId: params.regionId,
            details: {
              enabled: body.enabled,
              configChanged: body.config !== undefined,
              wasEnabled: current?.enabled ?? false,
            },
          });
          return saved;
        });
        return {
          status: 200,
          body: {
            regionId: params.regionId,
            pluginId: plugin.id,
            version: plugin.version,
            enabled: row?.enabled ?? body.enabled,
            config: effectiveConfig(plugin.config, row?.config ?? {}),
          },
        };
      },
    }),
  ];
}

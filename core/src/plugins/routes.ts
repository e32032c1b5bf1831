import type { Database } from '../db/database.js';
import { actorOf } from '../http/request-context.js';
import { route } from '../http/route.js';
import { requirePermission } from '../identity/authorize.js';
import * as contract from './contract.js';
import { type AnyPlugin, mintableAssets } from './define-plugin.js';
import { changeRegionPlugin, readRegionPlugin } from './region-config-service.js';
import { regionPlugins } from './schema.js';

/** Discovery (`GET /v1/plugins`) and per-region enablement and configuration. */
export function pluginRoutes(db: () => Database, plugins: () => readonly AnyPlugin[]) {
  return [
    route(contract.listPlugins, async () => {
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
    }),
    route(contract.getRegionPlugin, async ({ params }, c) => {
      requirePermission(c.get('principal'), 'plugins.manage', { regionId: params.regionId });
      return { status: 200, body: await readRegionPlugin(db(), plugins(), params.regionId, params.pluginId) };
    }),
    route(contract.setRegionPlugin, async ({ params, query, body }, c) => {
      requirePermission(c.get('principal'), 'plugins.manage', { regionId: params.regionId });
      const change = { mode: 'replace' as const, enabled: body.enabled, config: body.config };
      return {
        status: 200,
        body: await changeRegionPlugin(db(), plugins(), actorOf(c), { ...params, ...query, change }),
      };
    }),
    route(contract.updateRegionPlugin, async ({ params, query, body }, c) => {
      requirePermission(c.get('principal'), 'plugins.manage', { regionId: params.regionId });
      const change = { mode: 'merge' as const, enabled: body.enabled, config: body.config };
      return {
        status: 200,
        body: await changeRegionPlugin(db(), plugins(), actorOf(c), { ...params, ...query, change }),
      };
    }),
  ];
}

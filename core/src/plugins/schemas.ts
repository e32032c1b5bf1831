// The plugin administration routes' schemas (discovery and per-region state), shared by the
// routes and the SDK. Loads no server code: it is part of the `@lifelong/core/schemas` entry.
import { type Static, Type } from '@sinclair/typebox';
import { RegionId } from '../regions/region-id.js';

export const PluginId = Type.String({ pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', maxLength: 64 });

export const PluginView = Type.Object({
  id: Type.String(),
  version: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  requires: Type.Object({
    core: Type.Union([Type.String(), Type.Null()]),
    plugins: Type.Record(Type.String(), Type.String()),
  }),
  permissions: Type.Array(Type.Object({ name: Type.String(), description: Type.String() })),
  mints: Type.Array(Type.String(), {
    description: 'Assets whose units this plugin may create (declared `mints` and its own `assets`).',
  }),
  regions: Type.Array(Type.Object({ regionId: Type.String(), enabled: Type.Boolean() })),
});
export type PluginView = Static<typeof PluginView>;

/** `GET /v1/plugins`: every installed plugin, unpaged (they are few). */
export const PluginList = Type.Object({ items: Type.Array(PluginView) });
export type PluginList = Static<typeof PluginList>;

export const RegionPluginParams = Type.Object({ regionId: RegionId, pluginId: PluginId });

export const RegionPluginView = Type.Object({
  regionId: Type.String(),
  pluginId: Type.String(),
  version: Type.String(),
  enabled: Type.Boolean(),
  config: Type.Record(Type.String(), Type.Unknown(), { description: 'With defaults applied.' }),
});
export type RegionPluginView = Static<typeof RegionPluginView>;

/** `PUT /v1/regions/{regionId}/plugins/{pluginId}`. */
export const RegionPluginBody = Type.Object(
  {
    enabled: Type.Boolean(),
    config: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), { description: "Validated against the plugin's schema." }),
    ),
  },
  { additionalProperties: false },
);
export type RegionPluginBody = Static<typeof RegionPluginBody>;

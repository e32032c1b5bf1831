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

const StoredConfig = Type.Record(Type.String(), Type.Unknown(), {
  description:
    "Validated against the plugin's schema, defaults applied; unknown keys are refused (400 naming `/body/config/<key>`, rule `additionalProperties`).",
});

/**
 * `PUT /v1/regions/{regionId}/plugins/{pluginId}`: `enabled` always; `config`, when given,
 * replaces the stored config whole; omitted, the stored config is kept.
 */
export const RegionPluginBody = Type.Object(
  {
    enabled: Type.Boolean(),
    config: Type.Optional(StoredConfig),
  },
  { additionalProperties: false },
);
export type RegionPluginBody = Static<typeof RegionPluginBody>;

/**
 * `PATCH /v1/regions/{regionId}/plugins/{pluginId}`: at least one part; `config` is a JSON Merge
 * Patch (RFC 7396) on the stored config, validated after merging.
 */
export const RegionPluginPatchBody = Type.Object(
  {
    enabled: Type.Optional(Type.Boolean()),
    config: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), {
        description:
          'A JSON Merge Patch on the stored config: `null` deletes a key (its default applies again), objects merge, arrays and other values replace.',
      }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type RegionPluginPatchBody = Static<typeof RegionPluginPatchBody>;

/** `?cascade=true` on PUT and PATCH. */
export const RegionPluginQuery = Type.Object(
  {
    cascade: Type.Optional(
      Type.Boolean({
        default: false,
        description:
          'Enabling: also enable the disabled plugins it requires. Disabling: also disable the enabled plugins that require it. Each change is audited. Without it such a change is a 409.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type RegionPluginQuery = Static<typeof RegionPluginQuery>;

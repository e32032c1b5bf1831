import { defineContract } from '../http/contract.js';
import { UnknownRegion } from '../identity/errors.js';
import { PluginRequiredByEnabled, PluginRequirementDisabled } from './errors.js';
import {
  PluginList,
  RegionPluginBody,
  RegionPluginParams,
  RegionPluginPatchBody,
  RegionPluginQuery,
  RegionPluginView,
} from './schemas.js';

export const listPlugins = defineContract({
  operationId: 'plugins.list',
  method: 'get',
  path: '/v1/plugins',
  summary: 'Installed plugins: versions, dependencies, permissions and where they are enabled',
  description:
    'Public: every installed plugin with its version, required plugins, declared permissions and the regions where it is enabled.',
  access: { public: true },
  responses: {
    200: { description: 'Every installed plugin', schema: PluginList },
  },
});

export const getRegionPlugin = defineContract({
  operationId: 'regions.plugins.get',
  method: 'get',
  path: '/v1/regions/{regionId}/plugins/{pluginId}',
  summary: "A plugin's state and configuration in a region",
  description:
    'Region admins of the region (`plugins.manage`): whether the plugin is enabled there and its effective configuration, defaults applied.',
  access: { permission: 'plugins.manage' },
  errors: [UnknownRegion],
  request: { params: RegionPluginParams },
  responses: { 200: { description: 'The state', schema: RegionPluginView } },
});

export const setRegionPlugin = defineContract({
  operationId: 'regions.plugins.set',
  method: 'put',
  path: '/v1/regions/{regionId}/plugins/{pluginId}',
  summary: 'Enable, disable or configure a plugin in a region (takes effect on the next request)',
  description:
    "Region admins of the region (`plugins.manage`). Replaces the state: `enabled` is required; a given `config` replaces the stored config whole (omitted, the stored config is kept). The config is validated against the plugin's schema, unknown keys refused (400 naming the field). Enabling a plugin whose requirements are disabled here, or disabling one that enabled plugins require, is a 409 unless `?cascade=true`. Audited; never overwritten by `lifelong.config.ts`.",
  access: { permission: 'plugins.manage' },
  errors: [UnknownRegion, PluginRequirementDisabled, PluginRequiredByEnabled],
  request: { params: RegionPluginParams, query: RegionPluginQuery, body: RegionPluginBody },
  responses: { 200: { description: 'The new state', schema: RegionPluginView } },
});

export const updateRegionPlugin = defineContract({
  operationId: 'regions.plugins.update',
  method: 'patch',
  path: '/v1/regions/{regionId}/plugins/{pluginId}',
  summary: "Change part of a plugin's state in a region: JSON Merge Patch on its config",
  description:
    'Region admins of the region (`plugins.manage`). Changes what is given: `enabled`, and/or `config` as a JSON Merge Patch (RFC 7396) on the stored config (`null` deletes a key so its default applies again; objects merge; arrays replace), validated after merging (400 naming the field). Requirements are checked as for PUT (409 unless `?cascade=true`). Audited.',
  access: { permission: 'plugins.manage' },
  errors: [UnknownRegion, PluginRequirementDisabled, PluginRequiredByEnabled],
  request: { params: RegionPluginParams, query: RegionPluginQuery, body: RegionPluginPatchBody },
  responses: { 200: { description: 'The new state', schema: RegionPluginView } },
});

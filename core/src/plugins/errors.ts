import { defineError } from '../errors/lifelong-error.js';

// Error kinds of per-region plugin administration (docs/errors.md). Codes are stable.

/** Extensions: `pluginId`, `requirements` (the disabled plugins it needs). */
export const PluginRequirementDisabled = defineError(
  'PLUGIN_REQUIREMENT_DISABLED',
  409,
  'A plugin this one requires is disabled in the region',
);

/** Extensions: `pluginId`, `dependents` (the enabled plugins that need it). */
export const PluginRequiredByEnabled = defineError(
  'PLUGIN_REQUIRED_BY_ENABLED',
  409,
  'Plugins enabled in the region require this one',
);

import type { AnyPlugin } from '../plugins/define-plugin.js';
import type { RegionSeed } from '../plugins/region-seeds.js';
import type { SettingsInput } from './settings.js';

/** What `lifelong.config.ts` exports: the deployment's settings, plugins and regions. */
export interface LifelongConfig {
  /** Platform settings; environment variables override them (see docs/configuration.md). */
  settings?: SettingsInput;
  /** Installed plugins (order does not matter: dependencies load first). */
  plugins?: readonly AnyPlugin[];
  /**
   * Regions to seed on first start, with each plugin's enablement and config. Default: one region
   * `default` with every plugin enabled. Later changes are made at runtime, not here.
   */
  regions?: readonly RegionSeed[];
}

/**
 * Types a deployment's `lifelong.config.ts`.
 *
 * @example
 * import { defineConfig } from '@lifelong/core';
 * export default defineConfig({ settings: { port: 8080 } });
 */
export function defineConfig(config: LifelongConfig): LifelongConfig {
  return config;
}

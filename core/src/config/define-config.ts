import type { SettingsInput } from './settings.js';

/** What `lifelong.config.ts` exports: the deployment's settings (plugins and regions come later). */
export interface LifelongConfig {
  /** Platform settings; environment variables override them (see docs/configuration.md). */
  settings?: SettingsInput;
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

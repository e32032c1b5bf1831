import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LifelongConfig } from './define-config.js';

const DEFAULT_NAMES = ['lifelong.config.ts', 'lifelong.config.mts', 'lifelong.config.js', 'lifelong.config.mjs'];

export interface LoadedConfig {
  config: LifelongConfig;
  /** The file that was read, or undefined when none exists and defaults apply. */
  file: string | undefined;
}

/**
 * Loads a deployment's config file (TypeScript allowed, compiled on the fly by jiti). With no
 * explicit path, looks for `lifelong.config.{ts,mts,js,mjs}` in `cwd`; none found means defaults.
 */
export async function loadConfigFile(path?: string, cwd: string = process.cwd()): Promise<LoadedConfig> {
  const file = path ? resolve(cwd, path) : DEFAULT_NAMES.map((name) => resolve(cwd, name)).find(existsSync);
  if (!file) return { config: {}, file: undefined };
  if (!existsSync(file)) throw new Error(`Config file not found: ${file}`);
  const { createJiti } = await import('jiti');
  const jiti = createJiti(pathToFileURL(cwd).href, { moduleCache: false });
  const loaded = await jiti.import<{ default?: LifelongConfig }>(file);
  const config = loaded.default ?? (loaded as LifelongConfig);
  if (typeof config !== 'object' || config === null) {
    throw new Error(`${file} must export default defineConfig({ ... })`);
  }
  return { config, file };
}

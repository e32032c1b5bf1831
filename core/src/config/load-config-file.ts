import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LifelongConfig } from './define-config.js';

const DEFAULT_NAMES = ['lifelong.config.ts', 'lifelong.config.mts', 'lifelong.config.js', 'lifelong.config.mjs'];

/** The config file could not be loaded; the message says why and what to do. */
export class ConfigFileError extends Error {
  override readonly name = 'ConfigFileError';
  readonly code = 'CONFIG_FILE_UNLOADABLE';
}

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
  let loaded: { default?: LifelongConfig };
  try {
    loaded = await jiti.import<{ default?: LifelongConfig }>(file);
  } catch (error) {
    const unbuilt = unbuiltPackage(error);
    if (!unbuilt) throw error;
    throw new ConfigFileError(
      `${file} imports ${unbuilt.name}, which is not built (${unbuilt.entry} is missing).\n` +
        `  Build it first ("npm run build" in ${unbuilt.dir}), then retry.`,
      { cause: error },
    );
  }
  const config = loaded.default ?? (loaded as LifelongConfig);
  if (typeof config !== 'object' || config === null) {
    throw new Error(`${file} must export default defineConfig({ ... })`);
  }
  return { config, file };
}

/**
 * A package whose `exports` point into a `dist/` that is not there yet (a plugin just scaffolded
 * or checked out): Node reports that as ERR_PACKAGE_PATH_NOT_EXPORTED, which hides the real cause.
 */
function unbuiltPackage(error: unknown): { name: string; dir: string; entry: string } | undefined {
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (code !== 'ERR_PACKAGE_PATH_NOT_EXPORTED' || typeof message !== 'string') return undefined;
  const manifest = /in (\S+package\.json)/.exec(message)?.[1];
  if (!manifest || !existsSync(manifest)) return undefined;
  try {
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; exports?: unknown };
    const root = (pkg.exports as Record<string, unknown> | undefined)?.['.'];
    const target = typeof root === 'string' ? root : (root as { import?: unknown } | undefined)?.import;
    if (typeof target !== 'string') return undefined;
    // The package's own folder, not the node_modules link to it.
    const dir = realpathSync(dirname(manifest));
    const entry = join(dir, target);
    return existsSync(entry) ? undefined : { name: pkg.name ?? dir, dir, entry };
  } catch {
    return undefined;
  }
}

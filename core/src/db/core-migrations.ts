import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MigrationSource } from './migrator.js';

let root: string | undefined;

/**
 * The folder of the @lifelong/core package, found by walking up from this module: the same code
 * runs from `src/` (tests) and from bundled `dist/` chunks, at different depths.
 */
export function corePackageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (dir !== dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === '@lifelong/core') {
      root = dir;
      return dir;
    }
    dir = dirname(dir);
  }
  throw new Error('Cannot find the @lifelong/core package folder');
}

export function coreVersion(): string {
  return JSON.parse(readFileSync(join(corePackageRoot(), 'package.json'), 'utf8')).version as string;
}

export function coreMigrations(): MigrationSource {
  return { package: '@lifelong/core', folder: join(corePackageRoot(), 'drizzle') };
}

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/**
 * The layout rule of a plugin (docs/plugins.md): a feature folder (`src/<feature>/`) imports
 * another feature only through a declared shared module. Returns one line per import that breaks
 * it, so a test can `expect(featureBoundaryViolations(src, { shared: ['shared'] })).toEqual([])`.
 *
 * - `shared`: folders any feature may import (a plugin's kernel: accounts, the person acting, …);
 * - files directly under `src/` (index.ts, config.ts, contracts.ts, …) may import every feature,
 *   and features may import them, except `index.ts` (the composition root).
 */
export function featureBoundaryViolations(srcDir: string, options: { shared?: readonly string[] } = {}): string[] {
  const shared = new Set(options.shared ?? []);
  const root = resolve(srcDir);
  const violations: string[] = [];
  for (const file of sourceFiles(root)) {
    const feature = featureOf(root, file);
    if (feature === undefined || shared.has(feature)) continue;
    for (const specifier of relativeImports(file)) {
      const target = resolve(file, '..', specifier);
      const other = featureOf(root, target);
      const rootModule = other === undefined && relative(root, target).split(sep).length === 1;
      if (other === feature || (other !== undefined && shared.has(other))) continue;
      if (rootModule && !/^index\.(js|ts)$/.test(relative(root, target))) continue;
      violations.push(`${relative(root, file)} imports ${specifier}`);
    }
  }
  return violations;
}

/** The feature folder a file belongs to, or undefined for files directly under `src/`. */
function featureOf(root: string, file: string): string | undefined {
  const parts = relative(root, file).split(sep);
  return parts.length > 1 ? parts[0] : undefined;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^(?:import|export)\s[^'";]*?from\s+'(\.[^']+)'/gms)].map((m) => m[1] as string);
}

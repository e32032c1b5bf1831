import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

/** Every module specifier a file loads at run time (`import type` / `export type` load nothing). */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^(?:import|export)\s+(type\s+)?[^'";]*?from\s+'([^']+)'/gms)]
    .filter((m) => !m[1])
    .map((m) => m[2] as string);
}

/**
 * The packages the module graph from `entry` (a `.ts` file) loads at run time, each with the files
 * (relative to the entry's folder) that import it: to prove an entry loads no server code, e.g.
 * `expect([...packagesLoadedBy(file).keys()]).toEqual(['@sinclair/typebox'])`.
 */
export function packagesLoadedBy(entry: string): Map<string, string[]> {
  const root = dirname(entry);
  const seen = new Set<string>();
  const packages = new Map<string, string[]>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of runtimeImports(file)) {
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else packages.set(specifier, [...(packages.get(specifier) ?? []), relative(root, file)]);
    }
  };
  visit(resolve(entry));
  return packages;
}

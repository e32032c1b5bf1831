import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The ledger is a service any caller (HTTP routes, plugins, the CLI) uses: only its routes know
// about HTTP. Everything else in ledger/ must not import from http/.
const folder = fileURLToPath(new URL('.', import.meta.url));
const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const importsOf = (path: string) =>
  [...readFileSync(path, 'utf8').matchAll(IMPORT)].map((match) => match[1] ?? match[2] ?? '');

describe('the ledger boundary', () => {
  it('finds the ledger files and their imports', () => {
    const files = sourceFiles(folder);
    expect(files.some((f) => f.endsWith('/ledger.ts'))).toBe(true);
    expect(importsOf(`${folder}/routes.ts`).some((i) => i.startsWith('../http/'))).toBe(true);
  });

  it('imports nothing from http/ outside routes.ts', () => {
    const offending = sourceFiles(folder)
      .filter((f) => !f.endsWith('/routes.ts'))
      .flatMap((f) =>
        importsOf(f)
          .filter((i) => /(^|\/)http\//.test(i))
          .map((i) => `${f}: ${i}`),
      );
    expect(offending).toEqual([]);
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { featureBoundaryViolations } from '@lifelong/core/testing';
import { expect, it } from 'vitest';

const src = fileURLToPath(new URL('.', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [relative(src, path)] : [];
  });
}

it('keeps every feature folder to itself, sharing only through src/shared (and test helpers in src/testing)', () => {
  expect(featureBoundaryViolations(src, { shared: ['shared', 'testing'] })).toEqual([]);
});

// Shared modules that are stores in all but name: each is the one place its table is queried.
const SHARED_STORES = [
  'shared/accounts.ts',
  'shared/exchange/resources.ts',
  'shared/providers/accreditation.ts',
  'shared/records/totals.ts',
];

it('keeps SQL in store modules: only schema.ts and store.ts files (and the shared stores) import drizzle-orm', () => {
  const querying = sources(src).filter((file) => /from 'drizzle-orm'/.test(readFileSync(join(src, file), 'utf8')));
  expect(querying.filter((file) => !/(^|\/)(schema|store)\.ts$/.test(file) && !SHARED_STORES.includes(file))).toEqual(
    [],
  );
});

it('keeps routes thin: a routes.ts takes only views (and types) from its store, never a query', () => {
  const offending = sources(src)
    .filter((file) => file.endsWith('/routes.ts'))
    // recognition's read routes are being reworked with its evidence downloads (another change).
    .filter((file) => file !== 'recognition/routes.ts')
    .flatMap((file) => {
      const text = readFileSync(join(src, file), 'utf8');
      const names = [...text.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'\.\/store\.js'/g)].flatMap((m) =>
        (m[1] as string).split(',').map((n) => n.trim()),
      );
      return names.filter((n) => n && !n.startsWith('type ') && !/View$/.test(n)).map((n) => `${file}: ${n}`);
    });
  expect(offending).toEqual([]);
});

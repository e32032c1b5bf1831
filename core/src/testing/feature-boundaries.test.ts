import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { featureBoundaryViolations } from './feature-boundaries.js';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'boundaries-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('featureBoundaryViolations', () => {
  it('lets a feature import itself, shared folders and root modules, and names every other import', () => {
    const src = tree({
      'config.ts': 'export const x = 1;',
      'index.ts': "import { a } from './a/routes.js';",
      'shared/person.ts': "import { b } from '../b/store.js';",
      'a/routes.ts': [
        "import { s } from './service.js';",
        "import { p } from '../shared/person.js';",
        "import { c } from '../config.js';",
        "import type { B } from '../b/contract.js';",
        "import { i } from '../index.js';",
      ].join('\n'),
      'a/service.ts': 'export const s = 1;',
      'a/routes.test.ts': "import { b } from '../b/store.js';",
      'b/store.ts': "export { s } from '../a/service.js';",
    });
    expect(featureBoundaryViolations(src, { shared: ['shared'] }).sort()).toEqual([
      'a/routes.ts imports ../b/contract.js',
      'a/routes.ts imports ../index.js',
      'b/store.ts imports ../a/service.js',
    ]);
  });
});

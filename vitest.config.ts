import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the packages' sources, so `npm test` needs no build first.
    alias: {
      '@lifelong/core/testing': here('./core/src/testing/index.ts'),
      '@lifelong/core': here('./core/src/index.ts'),
    },
  },
  test: {
    include: ['{core,sdk,plugins/*,examples/*}/{src,test}/**/*.test.ts'],
    // PGlite takes seconds to start: suites share one database per file, hooks get time for it.
    hookTimeout: 60_000,
    testTimeout: 30_000,
    pool: 'forks',
  },
});

import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vitest/config';
import { applyPostgresJsFix, POSTGRES_JS_CONNECTION_MODULE } from './core/src/db/postgres-js-fix.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// PGlite takes seconds to start: suites share one database per file, hooks get time for it.
const timeouts = { hookTimeout: 60_000, testTimeout: 30_000 };

// Sources run with postgres.js fixed as core's build bundles it (core/src/db/postgres-js-fix.ts):
// postgres.js is inlined (transformed by vite, not loaded by Node) so this plugin can fix it.
const postgresJsFix: Plugin = {
  name: 'postgres-js-fix',
  transform: (code, id) => (POSTGRES_JS_CONNECTION_MODULE.test(id) ? applyPostgresJsFix(code, id) : undefined),
};

export default defineConfig({
  test: {
    pool: 'forks',
    globalSetup: ['./vitest.global-setup.ts'],
    projects: [
      {
        // Our packages are tested against their sources, so a change needs no rebuild.
        resolve: {
          alias: {
            '@lifelong/core/testing': here('./core/src/testing/index.ts'),
            '@lifelong/core/contract': here('./core/src/contract.ts'),
            '@lifelong/core/schemas': here('./core/src/schemas.ts'),
            '@lifelong/core': here('./core/src/index.ts'),
            '@lifelong/plugin-credit-bank/schemas': here('./plugins/credit-bank/src/schemas.ts'),
            '@lifelong/plugin-credit-bank': here('./plugins/credit-bank/src/index.ts'),
            '@lifelong/plugin-industry-support/schemas': here('./plugins/industry-support/src/schemas.ts'),
            '@lifelong/plugin-industry-support/client': here('./plugins/industry-support/src/client.ts'),
            '@lifelong/plugin-industry-support': here('./plugins/industry-support/src/index.ts'),
            '@lifelong/plugin-assessments/schemas': here('./plugins/assessments/src/schemas.ts'),
            '@lifelong/plugin-assessments/client': here('./plugins/assessments/src/client.ts'),
            '@lifelong/plugin-assessments': here('./plugins/assessments/src/index.ts'),
            '@lifelong/plugin-credentials/schemas': here('./plugins/credentials/src/schemas.ts'),
            '@lifelong/plugin-credentials/client': here('./plugins/credentials/src/client.ts'),
            '@lifelong/plugin-credentials': here('./plugins/credentials/src/index.ts'),
            '@lifelong/plugin-learning-records/schemas': here('./plugins/learning-records/src/schemas.ts'),
            '@lifelong/plugin-learning-records/client': here('./plugins/learning-records/src/client.ts'),
            '@lifelong/plugin-learning-records': here('./plugins/learning-records/src/index.ts'),
            '@lifelong/plugin-teacher-development/client': here('./plugins/teacher-development/src/client.ts'),
            '@lifelong/plugin-teacher-development': here('./plugins/teacher-development/src/index.ts'),
            '@lifelong/plugin-quality-control/schemas': here('./plugins/quality-control/src/schemas.ts'),
            '@lifelong/plugin-quality-control/client': here('./plugins/quality-control/src/client.ts'),
            '@lifelong/plugin-quality-control': here('./plugins/quality-control/src/index.ts'),
            '@lifelong/plugin-evaluation-consultation/schemas': here(
              './plugins/evaluation-consultation/src/schemas.ts',
            ),
            '@lifelong/plugin-evaluation-consultation/client': here('./plugins/evaluation-consultation/src/client.ts'),
            '@lifelong/plugin-evaluation-consultation': here('./plugins/evaluation-consultation/src/index.ts'),
            '@lifelong/plugin-community/schemas': here('./plugins/community/src/schemas.ts'),
            '@lifelong/plugin-community/client': here('./plugins/community/src/client.ts'),
            '@lifelong/plugin-community': here('./plugins/community/src/index.ts'),
          },
        },
        plugins: [postgresJsFix],
        test: {
          name: 'packages',
          include: ['{core,sdk,plugins/*}/{src,test}/**/*.test.ts'],
          server: { deps: { inline: ['postgres'] } },
          ...timeouts,
        },
      },
      {
        // Examples are what third parties write: they use the published entry points (dist/).
        test: { name: 'examples', include: ['examples/*/{src,test}/**/*.test.ts'], ...timeouts },
      },
      {
        // The web portal in Debian's Chromium against a real platform serving its build; each file
        // skips (loudly) where /usr/bin/chromium is missing. .ci/run installs it, so CI always runs them,
        // once: in its PostgreSQL pass (LIFELONG_PORTAL_E2E=skip in the PGlite pass, which says so).
        test: {
          name: 'portal-e2e',
          include: process.env.LIFELONG_PORTAL_E2E === 'skip' ? [] : ['examples/web-portal/e2e/**/*.test.ts'],
          hookTimeout: 120_000,
          testTimeout: 60_000,
          // Each file has its own platform, database and browser, and waits on them much of the
          // time: two files at once (vitest's default on a 2-core machine is one).
          maxWorkers: 2,
          // A project with its own maxWorkers runs as its own group: after the package tests.
          sequence: { groupOrder: 1 },
        },
      },
      {
        // The benchmark's report logic only; the benchmarks themselves are never tests.
        test: { name: 'bench', include: ['bench/lib/**/*.test.ts'] },
      },
    ],
  },
});

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// `npm run test:reliability`: crash, database outage and bad-input fuzzing against a real
// PostgreSQL. Not part of `npm test` (the root config's projects never include this folder).
// Like a deployment, it runs the built packages (dist/): `pretest:reliability` builds them.
export default defineConfig({
  root: here('..'),
  test: {
    name: 'reliability',
    include: ['reliability/scenarios/**/*.test.ts'],
    globalSetup: ['./reliability/support/global-setup.ts'],
    pool: 'forks',
    // One scenario at a time: they measure behaviour under load, and the machine is shared.
    fileParallelism: false,
    hookTimeout: 120_000,
    testTimeout: 240_000,
  },
});

import { readFile } from 'node:fs/promises';
import { defineConfig } from 'tsup';
import { applyPostgresJsFix, POSTGRES_JS_CONNECTION_MODULE } from './src/db/postgres-js-fix.js';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    schemas: 'src/schemas.ts',
    contract: 'src/contract.ts',
    'testing/index': 'src/testing/index.ts',
    'cli/entry': 'src/cli/entry.ts',
  },
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  // postgres.js is bundled, with Lifelong's fix for a dropped connection applied
  // (src/db/postgres-js-fix.ts): applications get the fixed copy with no install script.
  noExternal: ['postgres'],
  esbuildPlugins: [
    {
      name: 'postgres-js-fix',
      setup(build) {
        let fixed = false;
        build.onLoad({ filter: POSTGRES_JS_CONNECTION_MODULE }, async ({ path }) => {
          fixed = true;
          return { contents: applyPostgresJsFix(await readFile(path, 'utf8'), path), loader: 'js' };
        });
        build.onEnd((result) => {
          if (!fixed && result.errors.length === 0) {
            result.errors.push({
              id: 'postgres-js-fix',
              pluginName: 'postgres-js-fix',
              text: 'postgres/src/connection.js was not bundled, so its fix was not applied: review tsup.config.ts',
              location: null,
              notes: [],
              detail: undefined,
            });
          }
        });
      },
    },
  ],
});

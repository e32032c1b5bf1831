import { defineConfig } from 'tsup';

// Two entry points: the plugin, and its route schemas alone (for client code).
export default defineConfig({
  entry: { index: 'src/index.ts', schemas: 'src/schemas.ts' },
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
});

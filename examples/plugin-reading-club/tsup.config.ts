import { defineConfig } from 'tsup';

// Three entry points: the plugin, its route schemas alone, and its client module (contracts only).
export default defineConfig({
  entry: { index: 'src/index.ts', schemas: 'src/schemas.ts', client: 'src/client.ts' },
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
});

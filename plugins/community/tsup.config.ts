import { defineConfig } from 'tsup';

// The plugin, its route schemas alone (for client code), and its SDK client module.
export default defineConfig({
  entry: { index: 'src/index.ts', schemas: 'src/schemas.ts', client: 'src/client.ts' },
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
});

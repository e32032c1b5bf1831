import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm'],
  target: 'es2022',
  clean: true,
  sourcemap: true,
  // Types from core's schemas are inlined into the .d.ts (core is a devDependency only); they are
  // TypeBox `Static<>` types, so the .d.ts imports types from @sinclair/typebox (a peer dependency;
  // the JavaScript never imports it).
  dts: true,
});

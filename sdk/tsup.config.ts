import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm'],
  target: 'es2022',
  clean: true,
  sourcemap: true,
  // Types from `@lifelong/core/schemas` are inlined into the .d.ts (core is a devDependency only:
  // without `resolve` the .d.ts would import from a package users do not have). They are TypeBox
  // `Static<>` types, so the .d.ts imports types from @sinclair/typebox (a peer dependency; the
  // JavaScript never imports it).
  dts: {
    resolve: [/^@lifelong\/core/],
    compilerOptions: { paths: { '@lifelong/core/schemas': ['../core/src/schemas.ts'] } },
  },
});

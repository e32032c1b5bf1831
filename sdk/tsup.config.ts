import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm'],
  target: 'es2022',
  clean: true,
  sourcemap: true,
  // The SDK's methods are built from the core's contracts at run time: `@lifelong/core/contract`
  // (TypeBox schemas and plain objects, no server code) is bundled in, so users install no
  // @lifelong/core. TypeBox stays external (a peer dependency): the contracts hold its schemas.
  noExternal: [/^@lifelong\/core/],
  // The contracts' types are inlined into the .d.ts likewise; they are TypeBox `Static<>` types,
  // so the .d.ts imports types from @sinclair/typebox.
  dts: {
    resolve: [/^@lifelong\/core/],
    compilerOptions: {
      paths: {
        '@lifelong/core/schemas': ['../core/src/schemas.ts'],
        '@lifelong/core/contract': ['../core/src/contract.ts'],
      },
    },
  },
});

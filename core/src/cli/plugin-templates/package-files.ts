import { json, type PluginNames } from './names.js';

// The package around the plugin: manifest, compiler, bundler, test runner and drizzle-kit configs.

export const packageJson = (n: PluginNames): string =>
  json({
    name: n.packageName,
    version: '0.1.0',
    description: `${n.title}: a Lifelong plugin.`,
    license: 'Apache-2.0',
    type: 'module',
    engines: { node: '>=20.19' },
    exports: {
      '.': { types: './dist/index.d.ts', import: './dist/index.js' },
      './client': { types: './dist/client.d.ts', import: './dist/client.js' },
      './package.json': './package.json',
    },
    files: ['dist', 'drizzle'],
    keywords: ['lifelong', 'lifelong-plugin'],
    scripts: {
      build: 'tsup',
      typecheck: 'tsc --noEmit',
      test: 'vitest run',
      'db:generate': 'drizzle-kit generate',
    },
    peerDependencies: { '@lifelong/core': n.coreRange },
    dependencies: { '@sinclair/typebox': '^0.34.52', 'drizzle-orm': '^0.45.4' },
    devDependencies: {
      '@lifelong/core': n.coreRange,
      '@types/node': '^20.19.0',
      'drizzle-kit': '^0.31.11',
      tsup: '^8.5.0',
      typescript: '~6.0.3',
      vitest: '~4.1.12',
    },
  });

// Written out rather than JSON.stringify'd: formatted as the repository's biome formats it.
export const tsconfigJson = (): string => `{
  "compilerOptions": {
    "target": "ES2023",
    "lib": ["ES2023"],
    "module": "NodeNext",
    "moduleResolution": "NodeNext",
    "strict": true,
    "noUncheckedIndexedAccess": true,
    "verbatimModuleSyntax": true,
    "isolatedModules": true,
    "skipLibCheck": true,
    "resolveJsonModule": true,
    "declaration": true,
    "outDir": "dist",
    "rootDir": ".",
    "types": ["node"],
    "ignoreDeprecations": "6.0"
  },
  "include": ["src", "package.json", "*.config.ts"]
}
`;

export const tsupConfig = (): string => `import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', client: 'src/client.ts' },
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
});
`;

export const drizzleConfig = (): string => `import { defineConfig } from 'drizzle-kit';

// \`npm run db:generate\` writes the next SQL migration into ./drizzle from the change to src/schema.ts.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema.ts',
  out: './drizzle',
});
`;

export const vitestConfig = (): string => `import { defineConfig } from 'vitest/config';

// Each test file starts a platform on a fresh embedded database, which takes a few seconds.
export default defineConfig({
  test: { hookTimeout: 60_000, testTimeout: 30_000 },
});
`;

export const gitignore = (): string => 'node_modules/\ndist/\n.lifelong/\n';

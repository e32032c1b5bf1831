import type { PluginNames } from './names.js';
import { drizzleConfig, gitignore, packageJson, tsconfigJson, tsupConfig, vitestConfig } from './package-files.js';
import { readmeMd } from './readme.js';
import { initSql, journalJson, schemaTs, snapshotJson } from './schema-files.js';
import {
  clientTs,
  configTs,
  contractsTs,
  contractTs,
  indexTs,
  layoutTestTs,
  routesTs,
  serviceTs,
  storeTs,
  testTs,
} from './source-files.js';

export { type PluginNames, pluginNames } from './names.js';

/**
 * Every file of a new plugin package, by relative path. Templates are code (not files copied at
 * runtime), so they ship inside the CLI's bundle.
 */
export function pluginFiles(names: PluginNames, now: Date = new Date()): Record<string, string> {
  return {
    'package.json': packageJson(names),
    'tsconfig.json': tsconfigJson(),
    'tsup.config.ts': tsupConfig(),
    'vitest.config.ts': vitestConfig(),
    'drizzle.config.ts': drizzleConfig(),
    '.gitignore': gitignore(),
    'README.md': readmeMd(names),
    'src/schema.ts': schemaTs(names),
    'src/index.ts': indexTs(names),
    'src/config.ts': configTs(),
    'src/entries/contract.ts': contractTs(),
    'src/entries/routes.ts': routesTs(),
    'src/entries/service.ts': serviceTs(),
    'src/entries/store.ts': storeTs(),
    'src/contracts.ts': contractsTs(),
    'src/client.ts': clientTs(names),
    'src/layout.test.ts': layoutTestTs(),
    [`src/${names.id}.test.ts`]: testTs(names),
    'drizzle/0000_init.sql': initSql(names),
    'drizzle/meta/_journal.json': journalJson(now),
    'drizzle/meta/0000_snapshot.json': snapshotJson(names),
  };
}

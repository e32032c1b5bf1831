import { relative } from 'node:path';
import { loadConfigFile } from '../config/load-config-file.js';
import { resolveSettings } from '../config/resolve-settings.js';
import { coreMigrations, coreVersion } from '../db/core-migrations.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrator.js';
import { PermissionRegistry } from '../identity/permission-registry.js';
import { createLogger } from '../logging/logger.js';
import { PluginRuntime } from '../plugins/runtime.js';

export interface MigrateCommandOptions {
  configPath?: string | undefined;
}

/** `lifelong migrate`: apply pending migrations, print what was applied, exit. */
export async function runMigrate({ configPath }: MigrateCommandOptions): Promise<number> {
  const { config, file } = await loadConfigFile(configPath);
  const settings = resolveSettings({
    file: config.settings,
    fileName: file ? relative(process.cwd(), file) : 'config',
  });
  // The runtime's preflight orders the plugins (dependencies first) and refuses a broken set.
  const runtime = new PluginRuntime({
    plugins: config.plugins ?? [],
    regions: config.regions ?? [],
    coreVersion: coreVersion(),
    permissions: new PermissionRegistry(),
    logger: createLogger({ level: 'silent' }),
  });
  const database = await openDatabase({ url: settings.databaseUrl, dataDir: settings.dataDir, maxConnections: 1 });
  try {
    const applied = await migrate(database.db, [coreMigrations(), ...runtime.migrationSources()]);
    const summary = applied.length
      ? applied.map((m) => `  applied ${m.package} ${m.id}`).join('\n')
      : '  nothing to apply: the database is up to date';
    process.stdout.write(`Migrating ${database.description}\n${summary}\n`);
    return 0;
  } finally {
    await database.close();
  }
}

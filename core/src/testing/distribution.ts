import { CORE_DISTRIBUTION } from '../db/core-distribution.js';
import { coreMigrations } from '../db/core-migrations.js';
import { type DistributionViolation, distributionViolations } from '../db/distribution-check.js';
import { migrate } from '../db/migrator.js';
import type { AnyPlugin } from '../plugins/define-plugin.js';
import { createTestDatabase } from './test-database.js';

/**
 * Migrates a fresh test database (the core's migrations, then the plugin's) and checks the
 * plugin's schema against its `distribution` declarations (docs/scale.md): every table declared,
 * distribution columns in every primary key and unique index, no foreign key across shards.
 * An empty list means the schema is ready for a distributed cluster.
 *
 * @example expect(await pluginDistributionViolations(plugin)).toEqual([]);
 */
export async function pluginDistributionViolations(plugin: AnyPlugin): Promise<DistributionViolation[]> {
  const database = await createTestDatabase();
  try {
    await migrate(database.db, [
      coreMigrations(),
      ...(plugin.migrations ? [{ package: `plugin:${plugin.id}`, folder: plugin.migrations }] : []),
    ]);
    return await distributionViolations(database.db, {
      declarations: [...CORE_DISTRIBUTION, ...(plugin.distribution ?? [])],
      schemas: [plugin.schemaName],
    });
  } finally {
    await database.close();
  }
}

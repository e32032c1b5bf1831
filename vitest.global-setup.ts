import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGLITE_TEMPLATE_ENV, writePgliteTemplate } from './core/src/testing/test-database.js';

// One migrated PGlite cluster per test run, which every test file loads instead of initialising
// its own (PGlite's first start costs seconds). Not needed when the tests run on PostgreSQL.
export async function setup() {
  if (process.env.DATABASE_URL) return;
  const dir = await mkdtemp(join(tmpdir(), 'lifelong-pglite-'));
  const file = join(dir, 'template.tar');
  await writePgliteTemplate(file);
  process.env[PGLITE_TEMPLATE_ENV] = file;
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}

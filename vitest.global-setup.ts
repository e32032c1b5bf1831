import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGLITE_TEMPLATE_ENV, writePgliteTemplate } from './core/src/testing/test-database.js';

// One migrated PGlite cluster per test run, which every test file loads instead of initialising
// its own (PGlite's first start costs seconds). Not needed when the tests run on PostgreSQL.
export async function setup() {
  if (process.env.LIFELONG_PORTAL_E2E === 'skip') {
    process.stdout.write(
      "LIFELONG_PORTAL_E2E=skip: the web portal's browser tests do NOT run in this pass (CI runs them in its PostgreSQL pass).\n",
    );
  }
  if (process.env.DATABASE_URL) return;
  // The skipped tests are the ones that need a real server's concurrency (parallel writers,
  // deadlocks, row locks across connections), which embedded PGlite, one connection, cannot give.
  process.stdout.write(
    'Embedded PGlite: tests that need PostgreSQL (parallel writers, deadlocks) are reported as skipped.\n' +
      'Run them with: DATABASE_URL=postgres://user@127.0.0.1:5432/postgres npm test\n',
  );
  const dir = await mkdtemp(join(tmpdir(), 'lifelong-pglite-'));
  const file = join(dir, 'template.tar');
  await writePgliteTemplate(file);
  process.env[PGLITE_TEMPLATE_ENV] = file;
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}

// Lints the OpenAPI document of the default deployment (lifelong.config.ts) with Redocly CLI's
// recommended ruleset: starts a test platform in-process, writes /openapi.json to a temporary
// file and runs `npx --yes @redocly/cli@latest lint` on it. Exit code: Redocly's.
//
//   npm run lint:openapi            (builds the packages first: this script uses their dist/)
import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestPlatform } from '@lifelong/core/testing';
import config from '../lifelong.config.ts';

const t = await createTestPlatform({
  plugins: config.plugins ?? [],
  ...(config.regions ? { regions: config.regions } : {}),
});
let status = 1;
try {
  const res = await t.request('/openapi.json');
  if (res.status !== 200) throw new Error(`/openapi.json answered ${res.status}`);
  const file = join(await mkdtemp(join(tmpdir(), 'lifelong-openapi-')), 'openapi.json');
  await writeFile(file, JSON.stringify(await res.json(), null, 2));
  process.stderr.write(`OpenAPI document written to ${file}\n`);
  const run = spawnSync('npx', ['--yes', '@redocly/cli@latest', 'lint', '--extends=recommended', file], {
    stdio: 'inherit',
  });
  status = run.status ?? 1;
} finally {
  await t.close();
}
process.exit(status);

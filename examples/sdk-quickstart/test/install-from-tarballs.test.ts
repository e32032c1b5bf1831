import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../..', import.meta.url));

// The packages are not on the npm registry yet: a third party installs the tarballs `npm pack` makes
// of a release (docs/sdk.md, "Installing"). This installs them into an empty application outside the
// repository, as that third party would, and runs a platform and a client from there, so a missing
// file in `files`, an export pointing at nothing or a dependency that only the monorepo provides fails here.
let app: string;
beforeAll(async () => {
  app = await mkdtemp(join(tmpdir(), 'lifelong-third-party-'));
  await run('npm', ['pack', '--pack-destination', app, '-w', '@lifelong/core', '-w', '@lifelong/sdk'], { cwd: root });
  const tarballs = (await readdir(app)).filter((name) => name.endsWith('.tgz'));
  const dependency = (prefix: string) => `file:./${tarballs.find((name) => name.startsWith(prefix))}`;
  await writeFile(
    join(app, 'package.json'),
    JSON.stringify({
      name: 'third-party-app',
      private: true,
      type: 'module',
      dependencies: { '@lifelong/core': dependency('lifelong-core-'), '@lifelong/sdk': dependency('lifelong-sdk-') },
    }),
  );
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: app });
}, 240_000);
afterAll(async () => {
  if (app) await rm(app, { recursive: true, force: true });
});

describe('a third party installing the packed packages', () => {
  it('starts a platform from @lifelong/core and registers a person through @lifelong/sdk', async () => {
    await writeFile(
      join(app, 'app.mjs'),
      `import { createLogger, createPlatform } from '@lifelong/core';
import { createClient } from '@lifelong/sdk';
const adminKey = 'third-party-admin-key-0123456789';
const platform = createPlatform({
  env: {},
  settings: { port: 0, adminKey, dataDir: 'memory://', filesDir: 'memory://', passwordHashCost: 10 },
  logger: createLogger({ level: 'warn' }),
});
const { url } = await platform.start();
try {
  await createClient({ baseUrl: url, auth: { apiKey: adminKey } }).health.ready();
  const person = await createClient({ baseUrl: url }).people.register({
    body: { legalName: 'Li Hua', dateOfBirth: '1949-12-31', nationalId: { scheme: 'CN-RIC', number: '11010519491231002X' }, password: 'a third party passphrase' },
  });
  console.log(JSON.stringify({ learnerNumber: person.learnerNumber, status: person.status }));
} finally {
  await platform.stop();
}
`,
    );
    const { stdout } = await run('node', ['app.mjs'], { cwd: app });
    const result = JSON.parse(stdout.trim().split('\n').at(-1) as string);
    expect(result.status).toBe('unverified');
    expect(result.learnerNumber).toMatch(/^[1-9][0-9]{14}[0-9X]$/);
  }, 60_000);

  it('resolves every entry point the core declares, including its testing harness', async () => {
    const { stdout } = await run(
      'node',
      [
        '--input-type=module',
        '-e',
        `const entries = ['@lifelong/core', '@lifelong/core/schemas', '@lifelong/core/contract', '@lifelong/core/testing', '@lifelong/sdk'];
for (const entry of entries) { const m = await import(entry); console.log(entry, Object.keys(m).length); }`,
      ],
      { cwd: app },
    );
    const counts = Object.fromEntries(
      stdout
        .trim()
        .split('\n')
        .map((line) => line.split(' ')),
    );
    for (const entry of [
      '@lifelong/core',
      '@lifelong/core/schemas',
      '@lifelong/core/contract',
      '@lifelong/core/testing',
      '@lifelong/sdk',
    ]) {
      expect(Number(counts[entry]), entry).toBeGreaterThan(0);
    }
  }, 60_000);
});

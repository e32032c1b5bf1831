import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The published entry point, as `npm start` runs it: it needs core's dist/ (`npm test` builds it first).
const BIN = fileURLToPath(new URL('../../bin/lifelong.js', import.meta.url));
const KEYS = {
  LIFELONG_NATIONAL_ID_HMAC_KEY: randomBytes(32).toString('base64'),
  LIFELONG_NATIONAL_ID_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
};
// A failed start must end by itself, well before the CLI's own 3-second safety net would end it.
const PROMPTLY_MS = 2500;

/** Runs `lifelong start` in `cwd` with only `env` (and PATH); resolves when the process exits. */
function start(env: Record<string, string>, cwd: string) {
  const began = Date.now();
  const child = spawn(process.execPath, [BIN, 'start'], {
    cwd,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  child.stdout.resume();
  // Whatever the assertions say, no test leaves a platform running.
  const kill = setTimeout(() => child.kill('SIGKILL'), 20_000);
  return new Promise<{ code: number | null; stderr: string; ms: number }>((resolve) =>
    child.on('exit', (code) => {
      clearTimeout(kill);
      resolve({ code, stderr, ms: Date.now() - began });
    }),
  );
}

const emptyDir = () => mkdtemp(join(tmpdir(), 'lifelong-start-'));

describe.runIf(process.env.DATABASE_URL)('lifelong start on PostgreSQL, when it cannot start', () => {
  const base = process.env.DATABASE_URL ?? '';
  const name = `lifelong_test_${randomBytes(6).toString('hex')}`;
  let url: string;
  let admin: postgres.Sql;
  let db: postgres.Sql;

  beforeAll(async () => {
    admin = postgres(base, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    const parsed = new URL(base);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    db = postgres(url, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await db?.end();
    await admin?.unsafe(`drop database if exists "${name}" with (force)`);
    await admin?.end();
  });

  const migrationTable = async () =>
    (await db`select to_regclass('public.lifelong_migrations') as t`)[0]?.t as string | null;
  it('exits 1 at once without migrating when a setting PostgreSQL needs is missing', async () => {
    const run = await start({ DATABASE_URL: url, PORT: '0' }, await emptyDir());
    expect(run.stderr).toContain('Invalid configuration');
    expect(run.stderr).toMatch(/LIFELONG_NATIONAL_ID_HMAC_KEY \(missing\): required when DATABASE_URL is set/);
    expect(run.code).toBe(1);
    expect(run.ms).toBeLessThan(PROMPTLY_MS + 2000);
    expect(run.stderr).not.toContain('resources still open');
    expect(await migrationTable()).toBeNull();
  });

  it('exits 1 without migrating when lifelong.config.ts has an invalid setting', async () => {
    const cwd = await emptyDir();
    await writeFile(join(cwd, 'lifelong.config.ts'), 'export default { settings: { shutdownTimeoutMs: -5 } };\n');
    const run = await start({ DATABASE_URL: url, PORT: '0', ...KEYS }, cwd);
    expect(run.stderr).toMatch(/shutdownTimeoutMs \(lifelong\.config\.ts settings\.shutdownTimeoutMs\)/);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toContain('resources still open');
    expect(await migrationTable()).toBeNull();
  });

  describe('when the port is taken', () => {
    let taken: Server;
    beforeAll(async () => {
      taken = createServer();
      await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    });
    afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())));

    it('exits 1 by itself (closing the database it had migrated), not held open', async () => {
      const port = (taken.address() as { port: number }).port;
      const run = await start({ DATABASE_URL: url, PORT: String(port), ...KEYS }, await emptyDir());
      expect(run.stderr).toContain('EADDRINUSE');
      expect(run.code).toBe(1);
      expect(run.stderr).not.toContain('resources still open');
      expect(await migrationTable()).toBe('lifelong_migrations');
    });
  });
});

describe('lifelong start on embedded PGlite, with a bad setting', () => {
  it('exits 1 before creating the data directory', async () => {
    const cwd = await emptyDir();
    const dataDir = join(cwd, 'data');
    const run = await start({ LIFELONG_DATA_DIR: dataDir, LIFELONG_BODY_LIMIT_BYTES: '12' }, cwd);
    expect(run.stderr).toMatch(/LIFELONG_BODY_LIMIT_BYTES \(environment variable LIFELONG_BODY_LIMIT_BYTES\)/);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toContain('resources still open');
    expect(existsSync(dataDir)).toBe(false);
    expect(existsSync(join(cwd, 'secrets.json'))).toBe(false);
  });
});

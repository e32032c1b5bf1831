import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const ENTRY = fileURLToPath(new URL('./entry.ts', import.meta.url));
// tsx's loader by absolute URL: the CLI runs in a temporary folder where `tsx` would not resolve.
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

/** Runs the CLI from source (through tsx) in `cwd`, with only the given environment on top of PATH. */
function runCli(args: string[], { env = {}, cwd }: { env?: Record<string, string>; cwd: string }): Run {
  const child = spawn(process.execPath, ['--import', TSX_LOADER, ENTRY, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exit };
}

async function waitFor<T>(probe: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const emptyDir = () => mkdtemp(join(tmpdir(), 'lifelong-cli-'));

describe('lifelong CLI', () => {
  it('prints help for the CLI and for each command', async () => {
    const cwd = await emptyDir();
    const general = runCli(['--help'], { cwd });
    expect(await general.exit).toBe(0);
    expect(general.stdout()).toMatch(/start\s+Start the platform/);
    const start = runCli(['start', '--help'], { cwd });
    expect(await start.exit).toBe(0);
    expect(start.stdout()).toContain('Usage: lifelong start');
    const migrate = runCli(['migrate', '--help'], { cwd });
    expect(await migrate.exit).toBe(0);
    expect(migrate.stdout()).toContain('Usage: lifelong migrate');
  });

  it('rejects an unknown command with usage and exit code 2', async () => {
    const run = runCli(['launch'], { cwd: await emptyDir() });
    expect(await run.exit).toBe(2);
    expect(run.stderr()).toContain('Unknown command "launch"');
  });

  it('refuses to start with a bad setting, naming it', async () => {
    const run = runCli(['start'], { cwd: await emptyDir(), env: { PORT: 'eighty', LIFELONG_DATA_DIR: 'memory://' } });
    expect(await run.exit).toBe(1);
    expect(run.stderr()).toContain('Invalid configuration');
    expect(run.stderr()).toMatch(/PORT \(environment variable PORT\): .*"eighty"/);
  });

  it('names a bad setting from lifelong.config.ts', async () => {
    const cwd = await emptyDir();
    await writeFile(
      join(cwd, 'lifelong.config.ts'),
      'export default { settings: { shutdownTimeoutMs: -5 as number } };\n',
    );
    const run = runCli(['start'], { cwd, env: { LIFELONG_DATA_DIR: 'memory://' } });
    expect(await run.exit).toBe(1);
    expect(run.stderr()).toMatch(/shutdownTimeoutMs \(lifelong\.config\.ts settings\.shutdownTimeoutMs\)/);
  });

  it('checks plugins: exit 0 for a sound set, 1 with each issue code and fix otherwise', async () => {
    const cwd = await emptyDir();
    // Plain objects of the plugin shape: the temporary folder cannot resolve @lifelong/core.
    const config = (plugins: string) =>
      "const a = { $$type: '@lifelong/plugin', id: 'a', version: '1.0.0', schemaName: 'a', register() {} };\n" +
      "const b = { $$type: '@lifelong/plugin', id: 'b', version: '1.0.0', schemaName: 'b', requires: { plugins: { a: '^2.0.0' } }, register() {} };\n" +
      `export default { plugins: ${plugins} };\n`;
    await writeFile(join(cwd, 'lifelong.config.ts'), config('[a]'));
    const ok = runCli(['plugins', 'check'], { cwd });
    expect(await ok.exit).toBe(0);
    expect(ok.stdout()).toContain('Preflight passed');

    await writeFile(join(cwd, 'lifelong.config.ts'), config('[a, b]'));
    const bad = runCli(['plugins', 'check'], { cwd });
    expect(await bad.exit).toBe(1);
    expect(bad.stderr()).toMatch(
      /\[PLUGIN_DEPENDENCY_VERSION_MISMATCH\] b: Needs "a" \^2\.0\.0; 1\.0\.0 is installed\./,
    );
    expect(bad.stderr()).toContain('Fix:');
  });

  it('migrates an embedded database, then finds nothing to do', async () => {
    const cwd = await emptyDir();
    const env = { LIFELONG_DATA_DIR: join(cwd, 'data') };
    const first = runCli(['migrate'], { cwd, env });
    expect(await first.exit).toBe(0);
    expect(first.stdout()).toMatch(/applied @lifelong\/core 0000_init/);
    expect(first.stdout()).toMatch(/applied @lifelong\/core 0003_plugins/);
    const second = runCli(['migrate'], { cwd, env });
    expect(await second.exit).toBe(0);
    expect(second.stdout()).toContain('nothing to apply');
    // Two embedded-PGlite processes: ~27 s alone on a 2-core machine, more under load.
  }, 120_000);

  it('creates a platform-admin key with `admin-key create`, printed once (the recovery path)', async () => {
    const cwd = await emptyDir();
    const env = { LIFELONG_DATA_DIR: join(cwd, 'data') };
    expect(await runCli(['migrate'], { cwd, env }).exit).toBe(0);
    const run = runCli(['admin-key', 'create', '--name', 'Night shift'], { cwd, env });
    expect(await run.exit).toBe(0);
    expect(run.stdout()).toMatch(/Created platform-admin API key [0-9a-f-]{36} \("Night shift"\)/);
    expect(run.stdout()).toMatch(/\n {2}llk_[A-Za-z0-9_-]{43}\n/);
    expect(run.stdout()).toMatch(/Audited as api-key\.created by operator \S+@\S+/);

    const unknown = runCli(['admin-key', 'rotate'], { cwd, env });
    expect(await unknown.exit).toBe(2);
    expect(unknown.stderr()).toContain('Usage: lifelong admin-key create');
  }, 120_000);

  it('starts, serves, prints the URL and a generated admin key, and exits cleanly on SIGTERM', async () => {
    const cwd = await emptyDir();
    const run = runCli(['start'], { cwd, env: { PORT: '0', LIFELONG_DATA_DIR: 'memory://' } });
    const url = await waitFor(() => /running at (http:\/\/\S+)/.exec(run.stderr())?.[1], 30_000);
    expect(run.stderr()).toMatch(/API reference: +http:\/\/\S+\/docs/);
    const key = /\n\s+(llk_\S+)\n/.exec(run.stderr())?.[1];
    expect(key).toBeDefined();

    const ready = await fetch(`${url}/health/ready`);
    expect(ready.status).toBe(200);
    // The key is shown once on the terminal and never written to the logs.
    expect(run.stdout()).not.toContain(key);

    const stopAt = Date.now();
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
    expect(Date.now() - stopAt).toBeLessThan(5000);
    expect(run.stdout()).toContain('"msg":"platform stopped"');
  });
});

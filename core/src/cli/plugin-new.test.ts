import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMigrations } from '../db/migrator.js';
import type { AnyPlugin } from '../plugins/define-plugin.js';
import { createTestPlatform } from '../testing/index.js';
import { runPluginNew } from './plugin-new-command.js';

const ENTRY = fileURLToPath(new URL('./entry.ts', import.meta.url));
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const REPO_NODE_MODULES = fileURLToPath(new URL('../../../node_modules', import.meta.url));

/** Runs the CLI from source (through tsx) in `cwd`: the same path as `lifelong ...`. */
function runCli(args: string[], cwd: string): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, ['--import', TSX_LOADER, ENTRY, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
  });
  child.stderr.on('data', (chunk) => {
    err += chunk;
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out, err })));
}

/** Runs the command in `cwd`, capturing what it prints. */
async function scaffold(id: string | undefined, cwd: string, dir?: string) {
  let out = '';
  let err = '';
  const sink = (append: (s: string) => void) =>
    new Writable({
      write(chunk, _encoding, callback) {
        append(String(chunk));
        callback();
      },
    });
  const code = await runPluginNew({
    id,
    dir,
    cwd,
    out: sink((s) => {
      out += s;
    }),
    err: sink((s) => {
      err += s;
    }),
  });
  return { code, out, err };
}

let cwd: string;
let folder: string;
let printed: string;
beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'lifelong-plugin-new-'));
  const run = await scaffold('book-swap', cwd);
  expect(run.code).toBe(0);
  printed = run.out;
  folder = join(cwd, 'plugins', 'book-swap');
});
afterAll(() => rm(cwd, { recursive: true, force: true }));

const read = (path: string) => readFile(join(folder, path), 'utf8');

describe('lifelong plugin new', () => {
  it('writes a plugin package into plugins/<id> and prints the next steps', async () => {
    for (const path of [
      'package.json',
      'tsconfig.json',
      'tsup.config.ts',
      'drizzle.config.ts',
      'README.md',
      'src/schema.ts',
      'src/index.ts',
      'src/book-swap.test.ts',
      'drizzle/0000_init.sql',
      'drizzle/meta/_journal.json',
    ]) {
      expect(existsSync(join(folder, path)), path).toBe(true);
    }
    expect(printed).toContain('Created plugin "book-swap" in plugins/book-swap');
    expect(printed).toContain('Next steps:');
    expect(printed).toContain('npm test');
  });

  it('names the package and depends on the running core version', async () => {
    const pkg = JSON.parse(await read('package.json'));
    expect(pkg).toMatchObject({ name: 'lifelong-plugin-book-swap', version: '0.1.0', type: 'module' });
    expect(pkg.files).toEqual(['dist', 'drizzle']);
    expect(pkg.peerDependencies['@lifelong/core']).toMatch(/^\^\d+\.\d+\.\d+$/);
    expect(Object.keys(pkg.scripts)).toEqual(expect.arrayContaining(['build', 'typecheck', 'test', 'db:generate']));
  });

  it('defines the plugin with the given id, its own schema and the public API only', async () => {
    const index = await read('src/index.ts');
    expect(index).toContain("id: 'book-swap'");
    expect(index).toContain("migrations: new URL('../drizzle', import.meta.url)");
    expect(index).toMatch(/p\.onStart\(/);
    expect(index).toMatch(/p\.route\(/);
    expect(index).not.toMatch(/from '@lifelong\/core\/.+'/);
    expect(await read('src/schema.ts')).toContain("pgSchema('book_swap')");
  });

  it('writes a first migration whose journal parses and matches the SQL, touching only its schema', async () => {
    const journal = JSON.parse(await read('drizzle/meta/_journal.json'));
    expect(journal).toMatchObject({ dialect: 'postgresql', entries: [{ idx: 0, tag: '0000_init' }] });
    const migrations = await readMigrations(join(folder, 'drizzle'));
    expect(migrations.map((m) => m.id)).toEqual(['0000_init']);
    expect(migrations[0]?.statements[0]).toBe('CREATE SCHEMA "book_swap";');
    for (const statement of migrations[0]?.statements ?? []) expect(statement).toMatch(/"book_swap"/);
    expect(await readdir(join(folder, 'drizzle/meta'))).toContain('0000_snapshot.json');
  });

  it('writes a test that starts a platform with the plugin', async () => {
    const test = await read('src/book-swap.test.ts');
    expect(test).toContain("from '@lifelong/core/testing'");
    expect(test).toContain("import plugin from './index.js'");
    expect(test).toContain('/v1/book-swap/entries');
  });

  it('generates a plugin that boots, migrates and serves its routes', async () => {
    // The generated package has no node_modules of its own: borrow the repository's.
    await symlink(REPO_NODE_MODULES, join(folder, 'node_modules'), 'dir');
    const { default: plugin } = (await import(pathToFileURL(join(folder, 'src/index.ts')).href)) as {
      default: AnyPlugin;
    };
    expect(plugin.id).toBe('book-swap');
    const t = await createTestPlatform({ plugins: [plugin] });
    try {
      const person = await t.person();
      const write = await t.request('/v1/book-swap/entries', {
        method: 'POST',
        auth: person.token,
        json: { text: 'hi' },
      });
      expect(write.status).toBe(201);
      const list = await (await t.request('/v1/book-swap/entries', { auth: person.token })).json();
      expect(list).toMatchObject({ items: [{ text: 'hi' }], nextCursor: null });
      expect(t.logs().some((line) => line.msg === 'book-swap started')).toBe(true);
    } finally {
      await t.close();
    }
  });

  it('honours --dir', async () => {
    const run = await scaffold('shelf', cwd, 'elsewhere/shelf-plugin');
    expect(run.code).toBe(0);
    expect(existsSync(join(cwd, 'elsewhere/shelf-plugin/src/shelf.test.ts'))).toBe(true);
  });

  it('refuses to overwrite an existing folder, writing nothing', async () => {
    await mkdir(join(cwd, 'occupied'));
    const run = await scaffold('occupied', cwd, 'occupied');
    expect(run.code).toBe(1);
    expect(run.err).toContain('already exists');
    expect(await readdir(join(cwd, 'occupied'))).toEqual([]);
  });

  it.each(['Book', 'book_swap', '1book', 'book-', 'a'.repeat(48)])('rejects the invalid id %s', async (id) => {
    const run = await scaffold(id, cwd);
    expect(run.code).toBe(1);
    expect(run.err).toContain('is invalid');
    expect(existsSync(join(cwd, 'plugins', id))).toBe(false);
  });

  it('asks for an id when none is given', async () => {
    const run = await scaffold(undefined, cwd);
    expect(run.code).toBe(2);
    expect(run.err).toContain('lifelong plugin new <id>');
  });

  it('is wired into the CLI, with its own help, next to "plugins check"', async () => {
    const help = await runCli(['plugin', '--help'], cwd);
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: lifelong plugin new <id> [--dir <folder>]');
    const general = await runCli(['--help'], cwd);
    expect(general.out).toMatch(/plugin\s+Plugin authoring/);
    expect(general.out).toMatch(/plugins\s+Plugin tools/);
    const created = await runCli(['plugin', 'new', 'from-cli', '--dir', 'cli/from-cli'], cwd);
    expect(created.code).toBe(0);
    expect(existsSync(join(cwd, 'cli/from-cli/src/from-cli.test.ts'))).toBe(true);
    expect((await runCli(['plugin', 'new', 'from-cli', '--dir', 'cli/from-cli'], cwd)).code).toBe(1);
    expect((await runCli(['plugin', 'remove', 'x'], cwd)).code).toBe(2);
  });
});

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
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
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const REPO_NODE_MODULES = join(REPO, 'node_modules');
const LONGEST_ID = 'abcdefghijk-abcdefghijk-abcdefghijk-abcdefghijk';

/** Runs the CLI from source (through tsx) in `cwd`: the same path as `lifelong ...`. */
function runCli(args: string[], cwd: string): Promise<{ code: number | null; out: string; err: string }> {
  return run(process.execPath, ['--import', TSX_LOADER, ENTRY, ...args], cwd);
}

function run(command: string, args: string[], cwd: string): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(command, args, {
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
  // The generated package has no node_modules of its own: borrow the repository's.
  await symlink(REPO_NODE_MODULES, join(folder, 'node_modules'), 'dir');
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
      'src/config.ts',
      'src/entries/contract.ts',
      'src/entries/routes.ts',
      'src/entries/service.ts',
      'src/entries/store.ts',
      'src/contracts.ts',
      'src/client.ts',
      'src/layout.test.ts',
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
    expect(index).toContain('registerEntries(p)');
    expect(index).not.toMatch(/from '@lifelong\/core\/.+'/);
    // The layout: routes bind handlers to contracts; the client module is the contracts.
    expect(await read('src/entries/routes.ts')).toMatch(/p\.route\(createEntry, /);
    expect(await read('src/entries/contract.ts')).toContain("operationId: 'entries.create'");
    expect(await read('src/client.ts')).toContain("definePluginClient('book-swap', contracts)");
    expect(JSON.parse(await read('package.json')).exports['./client']).toEqual({
      types: './dist/client.d.ts',
      import: './dist/client.js',
    });
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
    expect(test).toContain("const ID = 'book-swap';");
    expect(test).toContain('`/v1/${ID}/entries`');
  });

  it('generates a plugin that boots, migrates and serves its routes', async () => {
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

  it("passes the repository's lint as generated, even with the longest id", async () => {
    expect((await scaffold(LONGEST_ID, cwd)).code).toBe(0);
    // The repository's biome settings, applied to the temporary folder (outside the repository's git).
    const biome = JSON.parse(await readFile(join(REPO, 'biome.json'), 'utf8'));
    await writeFile(join(cwd, 'biome.json'), JSON.stringify({ ...biome, $schema: undefined, vcs: { enabled: false } }));
    const lint = await run(join(REPO_NODE_MODULES, '.bin', 'biome'), ['check', 'plugins'], cwd);
    // Two plugins of 16 checked files each: book-swap and the longest id.
    expect(lint.out + lint.err).toContain('Checked 32 files');
    expect(lint.code, lint.out + lint.err).toBe(0);
  });

  it('prints the build before "plugins check" in its next steps', () => {
    const steps = printed.slice(printed.indexOf('Next steps:'));
    expect(steps).toMatch(/\n {2}cd plugins\/book-swap\n {2}npm install\n {2}npm run build +# dist\//);
    expect(steps.indexOf('npm run build')).toBeLessThan(steps.indexOf('plugins check'));
    expect(steps).toContain('npm test');
  });

  it('in an npm workspace, prints the commands to run at its root, naming the workspace', async () => {
    const repo = await mkdtemp(join(tmpdir(), 'lifelong-plugin-new-ws-'));
    try {
      await writeFile(join(repo, 'package.json'), JSON.stringify({ private: true, workspaces: ['core', 'plugins/*'] }));
      await mkdir(join(repo, 'core'));
      const run = await scaffold('shelf', join(repo, 'core'), '../plugins/shelf');
      expect(run.code).toBe(0);
      const steps = run.out.slice(run.out.indexOf('Next steps'));
      expect(steps).toContain(`plugins/shelf is an npm workspace of ${repo}`);
      expect(steps).toMatch(
        /\n {2}cd \.\.\n {2}npm install +# links the workspace; package-lock\.json gains its entry/,
      );
      expect(steps).toMatch(/\n {2}npm run build -w plugins\/shelf +# dist\//);
      expect(steps).toMatch(/\n {2}npm test -w plugins\/shelf /);
      expect(steps.indexOf('npm run build')).toBeLessThan(steps.indexOf('plugins check'));
    } finally {
      await rm(repo, { recursive: true, force: true });
    }
  });

  it("uses the repository's own tool versions, so installing it in the repository adds only its link", async () => {
    const pkg = JSON.parse(await read('package.json'));
    const root = JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8'));
    const creditBank = JSON.parse(await readFile(join(REPO, 'plugins/credit-bank/package.json'), 'utf8'));
    for (const tool of ['@types/node', 'tsup', 'typescript', 'vitest']) {
      expect(pkg.devDependencies[tool], tool).toBe(root.devDependencies[tool]);
    }
    expect(pkg.devDependencies['drizzle-kit']).toBe(creditBank.devDependencies['drizzle-kit']);
    expect(pkg.dependencies).toEqual(creditBank.dependencies);
  });

  it('builds; "plugins check" asks for the build before it and passes after it', async () => {
    // A deployment beside the plugin that installs it by name, as its next steps say.
    const deployment = join(cwd, 'deployment');
    await mkdir(join(deployment, 'node_modules'), { recursive: true });
    await symlink(folder, join(deployment, 'node_modules', 'lifelong-plugin-book-swap'), 'dir');
    await writeFile(
      join(deployment, 'lifelong.config.ts'),
      "import bookSwap from 'lifelong-plugin-book-swap';\nexport default { plugins: [bookSwap] };\n",
    );
    const before = await runCli(['plugins', 'check'], deployment);
    expect(before.err).toContain('imports lifelong-plugin-book-swap, which is not built');
    expect(before.err).toContain(`"npm run build" in ${folder}`);
    expect(before.code).toBe(1);

    const build = await run(join(REPO_NODE_MODULES, '.bin', 'tsup'), [], folder);
    expect(build.code, build.out + build.err).toBe(0);
    const after = await runCli(['plugins', 'check'], deployment);
    expect(after.out).toContain('Preflight passed for lifelong.config.ts: plugins book-swap@0.1.0');
    expect(after.code).toBe(0);
  }, 120_000);

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
    // Five CLI processes through tsx: slow on a loaded 2-core machine.
  }, 120_000);
});

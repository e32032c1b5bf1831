import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { coreVersion } from '../db/core-migrations.js';
import { PLUGIN_ID_PATTERN } from '../plugins/define-plugin.js';
import { pluginFiles, pluginNames } from './plugin-templates/index.js';

/** PostgreSQL names are at most 63 bytes, and the plugin's role is `lifelong_plugin_<schema>`. */
const MAX_ID_LENGTH = 47;

export interface PluginNewOptions {
  id: string | undefined;
  /** Target folder; default `plugins/<id>` under `cwd`. */
  dir?: string | undefined;
  cwd?: string;
  out?: NodeJS.WritableStream;
  err?: NodeJS.WritableStream;
}

/**
 * `lifelong plugin new <id> [--dir <folder>]`: writes a plugin package with a schema, its first
 * migration, a start hook, two routes and a passing test. Refuses an invalid id (the rule
 * `definePlugin` enforces) and an existing folder; resolves to the exit code.
 */
export async function runPluginNew({
  id,
  dir,
  cwd = process.cwd(),
  out = process.stdout,
  err = process.stderr,
}: PluginNewOptions): Promise<number> {
  if (!id) {
    err.write('Missing the plugin id: lifelong plugin new <id> [--dir <folder>]\n');
    return 2;
  }
  if (!PLUGIN_ID_PATTERN.test(id) || id.length > MAX_ID_LENGTH) {
    err.write(
      `Plugin id "${id}" is invalid: use lowercase words joined by hyphens, at most ${MAX_ID_LENGTH} characters, e.g. "book-swap".\n`,
    );
    return 1;
  }
  const target = resolve(cwd, dir ?? join('plugins', id));
  if (existsSync(target)) {
    err.write(`${target} already exists; nothing was written. Choose another folder with --dir <folder>.\n`);
    return 1;
  }
  const files = pluginFiles(pluginNames(id, coreVersion()));
  for (const [path, content] of Object.entries(files)) {
    const file = join(target, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content, { flag: 'wx' });
  }
  const shown = relative(cwd, target) || '.';
  out.write(`Created plugin "${id}" in ${shown}:\n`);
  for (const path of Object.keys(files).sort()) out.write(`  ${path}\n`);
  const workspaceRoot = enclosingWorkspaceRoot(target);
  out.write(
    `\n${workspaceRoot ? workspaceSteps(cwd, workspaceRoot, target) : standaloneSteps(shown)}\nGuide: docs/plugins.md\n`,
  );
  return 0;
}

/** Commands with their comments lined up after them; a `#` line stands alone. */
function steps(title: string, lines: readonly (readonly [string, string?])[]): string {
  const width = Math.max(...lines.filter(([, note]) => note).map(([command]) => command.length));
  const body = lines.map(([command, note]) => `  ${note ? `${command.padEnd(width)}  # ${note}` : command}`);
  return `${title}\n${body.join('\n')}\n`;
}

/** In a repository whose npm workspaces include the folder: run everything from the root. */
function workspaceSteps(cwd: string, root: string, target: string): string {
  const ws = relative(root, target).split(sep).join('/');
  const cd = relative(cwd, root);
  return steps(`Next steps (${ws} is an npm workspace of ${cd ? root : 'this repository'}; run these at its root):`, [
    ...(cd ? [[`cd ${cd}`] as const] : []),
    ['npm install', 'links the workspace; package-lock.json gains its entry: commit it too'],
    [`npm run build -w ${ws}`, 'dist/: what lifelong.config.ts, "plugins check" and "npm start" load'],
    [`npm test -w ${ws}`, 'the generated test starts a platform with the plugin'],
    ['# add the plugin to lifelong.config.ts, then: npx lifelong plugins check'],
    [`# edit src/schema.ts, then: npm run db:generate -w ${ws} -- --name <change>`],
  ]);
}

/** A package of its own: its own node_modules and lockfile. */
function standaloneSteps(shown: string): string {
  return steps('Next steps:', [
    [`cd ${shown}`],
    ['npm install'],
    ['npm run build', 'dist/: what a deployment\'s lifelong.config.ts and "plugins check" load'],
    ['npm test', 'the generated test starts a platform with the plugin'],
    ['# edit src/schema.ts, then: npm run db:generate -- --name <change>'],
    ["# add the plugin to a deployment's lifelong.config.ts, then: npx lifelong plugins check"],
  ]);
}

/**
 * The root of the npm workspaces `target` belongs to, found as npm finds it: the nearest folder
 * above whose package.json lists a workspace pattern matching it (`*` matches one folder name).
 */
export function enclosingWorkspaceRoot(target: string): string | undefined {
  for (let dir = dirname(target); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        const { workspaces } = JSON.parse(readFileSync(manifest, 'utf8')) as {
          workspaces?: string[] | { packages?: string[] };
        };
        const patterns = Array.isArray(workspaces) ? workspaces : (workspaces?.packages ?? []);
        const path = relative(dir, target).split(sep);
        const matches = (pattern: string) => {
          const parts = pattern.replace(/^\.\//, '').replace(/\/$/, '').split('/');
          return parts.length === path.length && parts.every((part, i) => part === '*' || part === path[i]);
        };
        if (patterns.some(matches)) return dir;
      } catch {
        // An unreadable package.json is no workspace root.
      }
    }
    if (dirname(dir) === dir) return undefined;
  }
}

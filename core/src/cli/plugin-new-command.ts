import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
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
  out.write(`
Next steps:
  cd ${shown}
  npm install
  npm test                  # the generated test starts a platform with the plugin
  # edit src/schema.ts, then: npm run db:generate -- --name <change>
  # add the plugin to lifelong.config.ts, then: lifelong plugins check

Guide: docs/plugins.md
`);
  return 0;
}

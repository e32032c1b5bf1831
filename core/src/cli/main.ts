import { parseArgs } from 'node:util';
import { ConfigFileError } from '../config/load-config-file.js';
import { ConfigError } from '../config/resolve-settings.js';
import { coreVersion } from '../db/core-migrations.js';
import { MigrationError } from '../db/migrator.js';
import { PostgresJsUnfixedError } from '../db/postgres-js-fix.js';
import { PluginPreflightError } from '../plugins/preflight.js';
import { runAdminKeyCreate } from './admin-key-command.js';
import { runLedgerVerify } from './ledger-command.js';
import { runMigrate } from './migrate-command.js';
import { runPluginNew } from './plugin-new-command.js';
import { runPluginsCheck } from './plugins-command.js';
import { runStart } from './start-command.js';

const USAGE = `Usage: lifelong <command> [options]

Commands:
  start      Start the platform (reads lifelong.config.ts; embedded PGlite unless DATABASE_URL is set)
  migrate    Apply pending database migrations and exit
  plugins    Plugin tools: "plugins check" runs the plugin preflight
  plugin     Plugin authoring: "plugin new <id>" scaffolds a plugin package
  ledger     Ledger tools: "lifelong ledger verify" checks the hash chain and account totals
  admin-key  Recovery: "lifelong admin-key create" creates a platform-admin API key (database access)

Options:
  --config <file>  Config file (default: lifelong.config.{ts,mts,js,mjs} in the current folder)
  -h, --help       Show help for a command
  -v, --version    Show the version

Run "lifelong <command> --help" for a command's details.`;

export const COMMAND_HELP: Record<string, string> = {
  start: `Usage: lifelong start [--config <file>]

Starts the platform and serves the HTTP API until SIGINT or SIGTERM, then shuts down gracefully.
Prints the URL, the API reference (/docs) and where the data lives. On first start with an empty
database it creates the platform-admin API key: LIFELONG_ADMIN_KEY if set, else a random key that
is printed once.

Environment: PORT, HOST, DATABASE_URL, LIFELONG_DATA_DIR, LIFELONG_FILES_DIR, LIFELONG_ADMIN_KEY, LOG_LEVEL,
LIFELONG_MIGRATE_ON_START, LIFELONG_SHUTDOWN_TIMEOUT_MS, LIFELONG_BODY_LIMIT_BYTES
(see docs/configuration.md).`,
  migrate: `Usage: lifelong migrate [--config <file>]

Applies every pending migration in one transaction under an advisory lock, then exits. Refuses
(exit 1, nothing changed) when an applied migration was edited or a package was downgraded.

Environment: DATABASE_URL, LIFELONG_DATA_DIR (see docs/configuration.md).`,
  plugins: `Usage: lifelong plugins check [--config <file>]

Runs the plugin preflight alone: ids, versions, the core version each plugin needs, missing or
cyclic dependencies, and each region's plugin config. Exit 0 when it passes, 1 with every issue
(its code, the plugin and the fix) otherwise.`,
  plugin: `Usage: lifelong plugin new <id> [--dir <folder>]

Scaffolds a plugin package in <folder> (default: plugins/<id>): package.json, tsconfig, tsup,
drizzle-kit and vitest configs, src/schema.ts (one table in the plugin's own PostgreSQL schema),
its first migration (drizzle/0000_init.sql and the journal), src/index.ts (definePlugin with a
per-region config, a start hook and routes) and a passing test. The id is lowercase words joined
by hyphens, e.g. "book-swap". Refuses (exit 1) an invalid id or an existing folder.`,
  ledger: `Usage: lifelong ledger verify [--seal] [--config <file>]

Recomputes the ledger's hash chain of sealed blocks from the stored transfers, and every
account's totals from its entries. Exits 0 when all check out, 1 with the first mismatch.
--seal first seals transfers committed so far (normally the running platform does this).

Environment: DATABASE_URL, LIFELONG_DATA_DIR (see docs/configuration.md).`,
  'admin-key': `Usage: lifelong admin-key create [--name <name>] [--config <file>]

Creates a new platform-admin API key directly in the database and prints it once (only its hash
is kept). This is the recovery path when no platform-admin key is left (lost or revoked outside
the API); anyone who can run it can already write to the database. The audit log records it as
api-key.created by actor type "operator" (the operating-system user and host). Run
"lifelong migrate" first on a new database.

Environment: DATABASE_URL, LIFELONG_DATA_DIR (see docs/configuration.md).`,
};

/** Runs the CLI; resolves to the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command] = positionals;
  if (values.version) {
    process.stdout.write(`${coreVersion()}\n`);
    return 0;
  }
  if (!command || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command || values.help ? 0 : 2;
  }
  const help = COMMAND_HELP[command];
  if (!help) {
    process.stderr.write(`Unknown command "${command}".\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${help}\n`);
    return 0;
  }
  try {
    if (command === 'plugins') {
      if (positionals[1] !== 'check') {
        process.stderr.write(`${COMMAND_HELP.plugins}\n`);
        return 2;
      }
      return await runPluginsCheck({ configPath: values.config });
    }
    if (command === 'plugin') {
      if (positionals[1] !== 'new') {
        process.stderr.write(`${COMMAND_HELP.plugin}\n`);
        return 2;
      }
      return await runPluginNew({ id: positionals[2], dir: values.dir });
    }
    if (command === 'ledger') {
      if (positionals[1] !== 'verify') {
        process.stderr.write(`Unknown ledger command "${positionals[1] ?? ''}".\n\n${help}\n`);
        return 2;
      }
      return await runLedgerVerify({ configPath: values.config, seal: values.seal });
    }
    if (command === 'admin-key') {
      if (positionals[1] !== 'create') {
        process.stderr.write(`Unknown admin-key command "${positionals[1] ?? ''}".\n\n${help}\n`);
        return 2;
      }
      return await runAdminKeyCreate({ configPath: values.config, name: values.name });
    }
    return command === 'start'
      ? await runStart({ configPath: values.config })
      : await runMigrate({ configPath: values.config });
  } catch (error) {
    if (
      error instanceof ConfigError ||
      error instanceof ConfigFileError ||
      error instanceof MigrationError ||
      error instanceof PostgresJsUnfixedError ||
      error instanceof PluginPreflightError
    ) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    process.stderr.write(`lifelong ${command} failed: ${(error as Error).stack ?? error}\n`);
    return 1;
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      config: { type: 'string' },
      dir: { type: 'string' },
      name: { type: 'string' },
      seal: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}

import { hostname, userInfo } from 'node:os';
import { relative } from 'node:path';
import { loadConfigFile } from '../config/load-config-file.js';
import { resolveSettings } from '../config/resolve-settings.js';
import { type DatabaseHandle, openDatabase } from '../db/database.js';
import { createOperatorAdminKey, type OperatorActor } from '../identity/api-keys.js';

export interface AdminKeyCreateOptions {
  configPath?: string | undefined;
  /** The key's name, shown in `GET /v1/api-keys`. */
  name?: string | undefined;
  /** An open database (tests); default: from settings. */
  database?: DatabaseHandle;
  /** Who is acting (tests); default: the operating-system user on this host. */
  operator?: OperatorActor;
  out?: (line: string) => void;
}

function currentOperator(): OperatorActor {
  let user = process.env.USER ?? 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (some containers): the environment's USER is the best there is.
  }
  return { id: `${user}@${hostname()}`, via: 'cli:admin-key create' };
}

/**
 * `lifelong admin-key create`: the recovery path for operators with database access when no
 * platform-admin key is left. Prints the new key once; the audit log records the operator.
 */
export async function runAdminKeyCreate({
  configPath,
  name,
  database,
  operator = currentOperator(),
  out = (line) => process.stdout.write(`${line}\n`),
}: AdminKeyCreateOptions): Promise<number> {
  // The same bounds as POST /v1/api-keys' name.
  if (name !== undefined && (name.trim() === '' || [...name].length > 200)) {
    process.stderr.write('--name must be 1 to 200 characters.\n');
    return 2;
  }
  let handle = database;
  if (!handle) {
    const { config, file } = await loadConfigFile(configPath);
    const settings = resolveSettings({
      file: config.settings,
      fileName: file ? relative(process.cwd(), file) : 'config',
    });
    handle = await openDatabase({ url: settings.databaseUrl, dataDir: settings.dataDir, maxConnections: 1 });
  }
  try {
    const { key, row } = await createOperatorAdminKey(handle.db, operator, name);
    out(`Created platform-admin API key ${row.id} ("${row.name}") in ${handle.description}.`);
    out('The key (shown once; store it now, only its hash is kept):');
    out(`  ${key}`);
    out(`Audited as api-key.created by operator ${operator.id}.`);
    return 0;
  } finally {
    if (!database) await handle.close();
  }
}

import { relative } from 'node:path';
import { loadConfigFile } from '../config/load-config-file.js';
import { resolveSettings } from '../config/resolve-settings.js';
import { type DatabaseHandle, openDatabase } from '../db/database.js';
import { Sealer } from '../ledger/seal.js';
import { verifyLedger } from '../ledger/verify.js';

export interface LedgerVerifyOptions {
  configPath?: string | undefined;
  /** Seal committed transfers first, so the check covers them too. */
  seal?: boolean | undefined;
  /** An open database (tests); default: from settings. */
  database?: DatabaseHandle;
  out?: (line: string) => void;
}

/** `lifelong ledger verify`: recompute the hash chain and the account totals; exit 1 on the first mismatch. */
export async function runLedgerVerify({
  configPath,
  seal,
  database,
  out = (line) => process.stdout.write(`${line}\n`),
}: LedgerVerifyOptions): Promise<number> {
  let handle = database;
  if (!handle) {
    const { config, file } = await loadConfigFile(configPath);
    const settings = resolveSettings({
      file: config.settings,
      fileName: file ? relative(process.cwd(), file) : 'config',
    });
    handle = await openDatabase({ url: settings.databaseUrl, dataDir: settings.dataDir, maxConnections: 2 });
  }
  try {
    if (seal) out(`sealed ${await new Sealer(handle.db).sealNow()} transfers`);
    const report = await verifyLedger(handle.db);
    out(
      `Ledger at ${handle.description}: ${report.blocks} blocks, ${report.sealedTransfers} sealed and ` +
        `${report.unsealedTransfers} not yet sealed transfers, ${report.accounts} accounts`,
    );
    if (report.ok) {
      out('OK: the hash chain and every account total check out');
      return 0;
    }
    out(`MISMATCH: ${report.mismatch}`);
    return 1;
  } finally {
    if (!database) await handle.close();
  }
}

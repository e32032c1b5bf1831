// Starts servers/ledger.ts: a listening platform with funded accounts, for the ledger scenarios.
import { serverScript, startChild } from './child.js';

export interface LedgerServerReady {
  url: string;
  accounts: string[];
  adminKey: string;
}

export function startLedgerServer(databaseUrl: string, accounts: number) {
  return startChild<LedgerServerReady>(['--import', 'tsx', serverScript('ledger.ts')], {
    DATABASE_URL: databaseUrl,
    BENCH_ACCOUNTS: String(accounts),
  });
}

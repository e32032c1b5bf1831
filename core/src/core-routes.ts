import type { Logger } from 'pino';
import type { Settings } from './config/settings.js';
import type { Database } from './db/database.js';
import type { RouteGroup } from './http/route.js';
import { createLedger, type Ledger } from './ledger/ledger.js';
import { ledgerRoutes } from './ledger/routes.js';

/** What core route groups are built from. `db()` throws 503 until the platform has started. */
export interface CoreRouteDeps {
  db: () => Database;
  logger: Logger;
  settings: Settings;
  /** The platform's ledger service (routes and plugins share it, and its group-commit batcher). */
  ledger?: Ledger;
}

/** The core's own route groups (identity, groups, ledger, ...), each under its own `/v1/...` prefix. */
export function coreRouteGroups(deps: CoreRouteDeps): RouteGroup[] {
  return [ledgerRoutes({ db: deps.db, ledger: deps.ledger ?? createLedger({ db: deps.db, logger: deps.logger }) })];
}

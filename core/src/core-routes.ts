import type { Logger } from 'pino';
import type { Settings } from './config/settings.js';
import type { Database } from './db/database.js';
import type { RouteGroup } from './http/route.js';

/** What core route groups are built from. `db()` throws 503 until the platform has started. */
export interface CoreRouteDeps {
  db: () => Database;
  logger: Logger;
  settings: Settings;
}

/** The core's own route groups (identity, groups, ledger, ...), each under its own `/v1/...` prefix. */
export function coreRouteGroups(_deps: CoreRouteDeps): RouteGroup[] {
  return [];
}

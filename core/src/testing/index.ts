import { Writable } from 'node:stream';
import type { SettingsInput } from '../config/settings.js';
import type { DatabaseHandle } from '../db/database.js';
import type { RouteGroup } from '../http/route.js';
import { createLogger } from '../logging/logger.js';
import { createPlatform, type Platform } from '../platform.js';
import { createTestDatabase } from './test-database.js';

export { assertLedgerInvariants } from '../ledger/testing/invariants.js';
export { createTestDatabase } from './test-database.js';

/** A stable admin key for tests; only ever valid on a test database. */
export const TEST_ADMIN_KEY = 'llk_test-admin-key-0000000000000000';

export interface TestPlatformOptions {
  settings?: SettingsInput;
  routes?: readonly RouteGroup[];
  /** Reuse an open database (the caller closes it); default: a fresh one per platform. */
  database?: DatabaseHandle;
}

export interface RequestOptions extends Omit<RequestInit, 'body'> {
  /** Sent as a JSON body with `Content-Type: application/json`. */
  json?: unknown;
  body?: RequestInit['body'];
  /** Bearer token to send; `'admin'` sends the platform-admin key. */
  auth?: string;
}

export interface TestPlatform {
  platform: Platform;
  /** In-process request; no network. */
  request(path: string, options?: RequestOptions): Promise<Response>;
  /** Every log line the platform has written so far, parsed. */
  logs(): Record<string, unknown>[];
  /** Raw log output, for asserting that something never appears in it. */
  rawLogs(): string;
  adminKey: string;
  close(): Promise<void>;
}

/**
 * A started platform on an isolated test database, with captured logs and a typed in-process
 * request helper. One per test file is the intended use: PGlite takes seconds to start.
 *
 * @example
 * const t = await createTestPlatform();
 * afterAll(() => t.close());
 * const res = await t.request('/health/ready');
 */
export async function createTestPlatform(options: TestPlatformOptions = {}): Promise<TestPlatform> {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(String(chunk));
      callback();
    },
  });
  const database = options.database ?? (await createTestDatabase());
  const platform = createPlatform({
    database,
    env: {},
    settings: { adminKey: TEST_ADMIN_KEY, ...options.settings },
    logger: createLogger({ level: 'info', destination }),
    ...(options.routes ? { routes: options.routes } : {}),
  });
  await platform.start({ listen: false });

  return {
    platform,
    logs: () => parseLines(lines),
    rawLogs: () => lines.join(''),
    adminKey: TEST_ADMIN_KEY,
    request(path, { json, auth, headers, ...init } = {}) {
      const finalHeaders = new Headers(headers);
      if (json !== undefined) finalHeaders.set('Content-Type', 'application/json');
      if (auth) finalHeaders.set('Authorization', `Bearer ${auth === 'admin' ? TEST_ADMIN_KEY : auth}`);
      return Promise.resolve(
        platform.app.request(path, {
          ...init,
          headers: finalHeaders,
          ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
        }),
      );
    },
    async close() {
      await platform.stop();
      if (!options.database) await database.close();
    },
  };
}

function parseLines(lines: string[]): Record<string, unknown>[] {
  return lines.flatMap((chunk) => chunk.split('\n').filter(Boolean)).map((line) => JSON.parse(line));
}

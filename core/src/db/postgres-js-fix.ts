/**
 * Lifelong's fix for postgres.js 3.4.x (3.4.9 is the latest release): when PostgreSQL's connection
 * drops, its write batching (a) calls `socket.write` on a closed connection from a setImmediate, an
 * uncatchable TypeError that kills the whole platform, and (b) leaves a stale write timer that makes
 * every later query on that pooled connection hang forever. Found by the reliability suite's
 * database-outage scenario. Upstream: porsager/postgres#1154, #1208 (PRs #1168, #1209, unmerged).
 *
 * The fix is applied to the source of `postgres/src/connection.js` when it is bundled into
 * @lifelong/core's dist (core/tsup.config.ts) and when the tests load it (vitest.config.ts), so an
 * application installing @lifelong/core from the registry runs the fixed copy without any install
 * script. The fixed module records itself (`POSTGRES_JS_FIX_FLAG`); opening PostgreSQL refuses a
 * copy that did not (`assertPostgresJsFixed`). Remove all of this once a release carries the fix.
 */

const MARKER = '/* lifelong: nextWrite patch */';

/** Set on `globalThis` by the fixed `connection.js` when it loads. */
export const POSTGRES_JS_FIX_FLAG = Symbol.for('lifelong.postgres-js.nextWrite-fix');

/** The postgres.js versions the fix was written for (its replacements are checked on every build anyway). */
export const POSTGRES_JS_FIXED_RANGE = '3.4.x';

const REPLACEMENTS: readonly (readonly [string, string])[] = [
  [
    `  function nextWrite(fn) {
    const x = socket.write(chunk, fn)`,
    `  function nextWrite(fn) {
    ${MARKER}
    if (socket === null) {
      // Closed since the write was queued: settle the waiting queries instead of throwing.
      chunk = nextWriteTimer = null
      error(Errors.connection('CONNECTION_CLOSED', options))
      return false
    }
    const x = socket.write(chunk, fn)`,
  ],
  [
    `    clearImmediate(nextWriteTimer)
    if (socket) {`,
    `    clearImmediate(nextWriteTimer)
    chunk = nextWriteTimer = null
    if (socket) {`,
  ],
  [
    `    clearImmediate(nextWriteTimer)
    socket.removeListener('data', data)`,
    `    clearImmediate(nextWriteTimer)
    chunk = nextWriteTimer = null
    socket.removeListener('data', data)`,
  ],
];

/** Matches the module postgres.js's ESM entry loads (`postgres/src/connection.js`), on any OS. */
export const POSTGRES_JS_CONNECTION_MODULE = /[\\/]node_modules[\\/]postgres[\\/]src[\\/]connection\.js$/;

const FLAG_LINE = "\nglobalThis[Symbol.for('lifelong.postgres-js.nextWrite-fix')] = true;\n";

/** True when `source` (a `connection.js`) carries the fix and records it when loaded. */
export function hasPostgresJsFix(source: string): boolean {
  return source.includes(MARKER) && source.includes(FLAG_LINE);
}

/**
 * `connection.js`'s source with the fix applied (unchanged if already applied). Throws when the
 * code it replaces has changed: a new postgres.js must be reviewed, not patched blindly.
 */
export function applyPostgresJsFix(source: string, file = 'postgres/src/connection.js'): string {
  if (hasPostgresJsFix(source)) return source;
  let fixed = source;
  // A copy fixed by the former postinstall script has the replacements but not the flag.
  for (const [from, to] of source.includes(MARKER) ? [] : REPLACEMENTS) {
    if (!fixed.includes(from)) {
      throw new Error(
        `${file} has changed since Lifelong's postgres.js fix was written (for ${POSTGRES_JS_FIXED_RANGE}): ` +
          'review core/src/db/postgres-js-fix.ts (is the upstream fix released?)',
      );
    }
    fixed = fixed.replace(from, to);
  }
  return `${fixed}${FLAG_LINE}`;
}

/** The loaded postgres.js lacks the fix: opening PostgreSQL with it is refused. */
export class PostgresJsUnfixedError extends Error {
  override readonly name = 'PostgresJsUnfixedError';
  readonly code = 'POSTGRES_JS_UNFIXED';
}

/**
 * Refuses to go on with a postgres.js that did not load with the fix (`flag` is what the fixed
 * module sets): a dropped connection would crash the platform or hang its queries.
 */
export function assertPostgresJsFixed(flag: unknown = (globalThis as Record<symbol, unknown>)[POSTGRES_JS_FIX_FLAG]) {
  if (flag === true) return;
  throw new PostgresJsUnfixedError(
    "The postgres.js that was loaded lacks Lifelong's fix for porsager/postgres#1154 and #1208 (a dropped " +
      'database connection could crash the platform or hang its queries), so PostgreSQL is not opened.\n' +
      "  Run Lifelong from @lifelong/core's build (node_modules/.bin/lifelong, or npm start in the repository), " +
      'which bundles a fixed copy, not from its TypeScript sources.',
  );
}

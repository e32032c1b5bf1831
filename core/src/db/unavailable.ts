// postgres.js and Node socket errors that mean "the database cannot be reached right now".
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECTION_ENDED',
  'CONNECT_TIMEOUT',
]);

/**
 * True when `error` (or any error in its `cause` chain, as drizzle wraps driver errors) says the
 * database is down or refusing connections, which the HTTP layer answers with 503, not 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== 'object') return false;
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (UNAVAILABLE_CODES.has(code)) return true;
      // SQLSTATE class 08 (connection exception) and 57P01-57P03 (shutdown, cannot connect now).
      if (/^08...$/.test(code) || /^57P0[123]$/.test(code)) return true;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

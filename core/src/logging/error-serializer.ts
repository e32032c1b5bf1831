/**
 * How errors are written to the log: type, message, stack, the fields that help find the bug
 * (SQL text, SQLSTATE code, constraint, table), and the cause chain, but never the values a query
 * carried. Those are people's data and secrets (a national ID hash, a token hash, a legal name),
 * and the drivers put them everywhere: drizzle's `DrizzleQueryError` in its message
 * (`Failed query: … params: …`) and in `params`, postgres.js in `parameters`/`args`, PostgreSQL
 * in `detail` (`Key (col)=(value) already exists`) and, for data exceptions, in the message
 * (`invalid input syntax for type integer: "value"`).
 */

/** Fields that hold a query's values, dropped wherever they appear in the chain. */
const VALUE_FIELDS = new Set(['params', 'parameters', 'args', 'types', 'detail', 'where', 'internalQuery']);

const MAX_CAUSES = 5;

/** drizzle appends the parameters to the SQL text after this line break. */
const PARAMS_SUFFIX = /\nparams: [\s\S]*$/;

/** A double-quoted segment of a PostgreSQL message (`""` is an escaped quote). */
const QUOTED = /"(?:[^"]|"")*"/g;

/** SQLSTATE class 22 (data exception): its messages quote the value that failed. */
const isDataException = (code: unknown) => typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);

function scrubMessage(message: string, code: unknown): string {
  const withoutParams = message.replace(PARAMS_SUFFIX, '');
  return isDataException(code) ? withoutParams.replace(QUOTED, '"[redacted]"') : withoutParams;
}

const isErrorLike = (value: unknown): value is Error =>
  value instanceof Error ||
  (typeof value === 'object' && value !== null && typeof (value as Error).message === 'string' && 'stack' in value);

export interface SerializedError {
  type: string;
  message: string;
  stack?: string;
  cause?: SerializedError | unknown;
  [field: string]: unknown;
}

function serialize(error: Error, depth: number): SerializedError {
  const fields = error as unknown as Record<string, unknown>;
  const message = scrubMessage(error.message, fields.code);
  const out: SerializedError = {
    type: error.constructor?.name && error.constructor.name !== 'Object' ? error.constructor.name : error.name,
    message,
  };
  // The stack's first line repeats the message, values included.
  if (typeof error.stack === 'string') out.stack = error.stack.replace(error.message, message);
  for (const key of Object.keys(error)) {
    if (key === 'cause' || key === 'stack' || key === 'message' || VALUE_FIELDS.has(key)) continue;
    const value = fields[key];
    if (isErrorLike(value)) continue;
    out[key] = typeof value === 'string' && key === 'query' ? value.replace(PARAMS_SUFFIX, '') : value;
  }
  if (error.cause !== undefined) {
    out.cause =
      isErrorLike(error.cause) && depth < MAX_CAUSES ? serialize(error.cause, depth + 1) : { type: typeof error.cause };
  }
  return out;
}

/** pino serializer for `err`: anything that is not an error is logged as it is. */
export function serializeError(value: unknown): unknown {
  return isErrorLike(value) ? serialize(value, 0) : value;
}

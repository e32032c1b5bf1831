/** One field-level validation failure: where (a JSON Pointer into the request) and which rule. */
export interface FieldError {
  /** JSON Pointer rooted at the request part, e.g. `/body/legalName` or `/query/limit`. */
  path: string;
  /** The rule that failed, e.g. `stringMaxLength`, `required`, `additionalProperties`. */
  rule: string;
  message: string;
}

export interface LifelongErrorOptions {
  detail?: string;
  errors?: FieldError[];
  /** Response headers the error implies, e.g. `Allow` for 405 or `Retry-After` for 503. */
  headers?: Record<string, string>;
  /** Extra problem members (RFC 9457 extensions), e.g. `{ balance: "10" }`. */
  extensions?: Record<string, unknown>;
  cause?: unknown;
}

/**
 * An error that is a value: a stable `code` (e.g. `LEDGER_INSUFFICIENT_FUNDS`), the HTTP status
 * it maps to and a human title. The HTTP layer turns it into `application/problem+json` in one
 * place; services throw it without knowing about HTTP.
 */
export class LifelongError extends Error {
  override readonly name = 'LifelongError';
  readonly code: string;
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string> | undefined;
  readonly extensions: Record<string, unknown> | undefined;

  constructor(code: string, status: number, title: string, options: LifelongErrorOptions = {}) {
    super(options.detail ? `${code}: ${options.detail}` : `${code}: ${title}`, { cause: options.cause });
    this.code = code;
    this.status = status;
    this.title = title;
    this.detail = options.detail;
    this.errors = options.errors;
    this.headers = options.headers;
    this.extensions = options.extensions;
  }
}

/** A factory for one kind of error, with its code, status and title fixed. */
export interface ErrorKind {
  (options?: LifelongErrorOptions | string): LifelongError;
  readonly code: string;
  readonly status: number;
  readonly title: string;
  /** True when `error` is a LifelongError of this kind. */
  is(error: unknown): error is LifelongError;
}

const CODE_PATTERN = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

/**
 * Declares an error kind. Codes are SCREAMING_SNAKE_CASE and never change once published.
 *
 * @example
 * const InsufficientFunds = defineError('LEDGER_INSUFFICIENT_FUNDS', 409, 'Insufficient funds');
 * throw InsufficientFunds({ detail: 'Account 0190… has 10, needs 20' });
 */
export function defineError(code: string, status: number, title: string): ErrorKind {
  if (!CODE_PATTERN.test(code)) {
    throw new TypeError(`Error code "${code}" must be SCREAMING_SNAKE_CASE`);
  }
  if (!Number.isInteger(status) || status < 400 || status > 599) {
    throw new TypeError(`Error ${code}: status ${status} is not an HTTP error status`);
  }
  const create = (options?: LifelongErrorOptions | string) =>
    new LifelongError(code, status, title, typeof options === 'string' ? { detail: options } : options);
  return Object.assign(create, {
    code,
    status,
    title,
    is: (error: unknown): error is LifelongError => error instanceof LifelongError && error.code === code,
  });
}

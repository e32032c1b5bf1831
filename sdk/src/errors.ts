import type { Problem as ProblemSchema } from '@lifelong/core/schemas';
import type { Static } from '@sinclair/typebox';
/**
 * An RFC 9457 problem as the Lifelong API sends it (`application/problem+json`): core's `Problem`
 * schema, plus whatever extension members a problem carries.
 */
export type Problem = Static<typeof ProblemSchema> & { [extension: string]: unknown };

/** A non-2xx answer from the platform, carrying its problem+json body. */
export class LifelongError extends Error {
  override readonly name: string = 'LifelongError';
  readonly type: string;
  readonly status: number;
  readonly code: string;
  readonly errors: { path: string; rule: string; message: string }[];
  readonly problem: Problem;
  /** The response's headers (e.g. `Retry-After`). */
  readonly headers: Headers;

  constructor(problem: Problem, headers: Headers = new Headers()) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.type = problem.type;
    this.status = problem.status;
    this.code = problem.code;
    this.errors = problem.errors ?? [];
    this.problem = problem;
    this.headers = headers;
  }
}

/** The request never got an HTTP answer (DNS, refused connection, reset, ...). */
export class LifelongNetworkError extends Error {
  override readonly name: string = 'LifelongNetworkError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The call took longer than its `timeoutMs`. */
export class LifelongTimeoutError extends Error {
  override readonly name: string = 'LifelongTimeoutError';
  readonly timeoutMs: number;
  constructor(timeoutMs: number) {
    super(`No answer within ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }
}

/** Builds a problem for a response that did not carry one (e.g. a proxy's HTML error page). */
export function problemFromResponse(response: Response, body: unknown): Problem {
  if (body && typeof body === 'object' && 'status' in body && 'title' in body) {
    return { code: 'UNKNOWN', type: 'about:blank', ...(body as object) } as Problem;
  }
  return {
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
    code: 'UNKNOWN',
  };
}

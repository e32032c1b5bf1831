/** An RFC 9457 problem as the Lifelong API sends it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: { path: string; rule: string; message: string }[];
  [extension: string]: unknown;
}

/** A non-2xx answer from the platform, carrying its problem+json body. */
export class LifelongError extends Error {
  override readonly name = 'LifelongError';
  readonly status: number;
  readonly code: string;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.status = problem.status;
    this.code = problem.code;
    this.problem = problem;
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

import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { InternalError, ServiceUnavailable } from '../errors/core-errors.js';
import { LifelongError } from '../errors/lifelong-error.js';
import type { AppEnv } from './app-env.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export { Problem } from './problem-schema.js';

/** `LEDGER_INSUFFICIENT_FUNDS` → `urn:lifelong:problem:ledger-insufficient-funds`. */
export function problemType(code: string): string {
  return `urn:lifelong:problem:${code.toLowerCase().replaceAll('_', '-')}`;
}

/** Normalises anything thrown into a LifelongError; unknown errors become a bare 500. */
export function toLifelongError(error: unknown): LifelongError {
  if (error instanceof LifelongError) return error;
  if (isDatabaseUnavailable(error)) {
    return ServiceUnavailable({
      detail: 'The database is unavailable; retry shortly.',
      headers: { 'Retry-After': '5' },
    });
  }
  if (error instanceof HTTPException && error.status < 500) {
    return new LifelongError('HTTP_ERROR', error.status, error.message || 'Request error');
  }
  return InternalError();
}

/** Writes `error` as an `application/problem+json` response. Never includes a stack trace. */
export function problemResponse(c: Context<AppEnv>, error: LifelongError): Response {
  const body = {
    ...error.extensions,
    type: problemType(error.code),
    title: error.title,
    status: error.status,
    ...(error.detail === undefined ? {} : { detail: error.detail }),
    instance: c.req.path,
    code: error.code,
    requestId: c.get('requestId'),
    ...(error.errors === undefined ? {} : { errors: error.errors }),
  };
  const response = c.json(body, error.status as ContentfulStatusCode, error.headers);
  response.headers.set('Content-Type', PROBLEM_CONTENT_TYPE);
  return response;
}

import { Type } from '@sinclair/typebox';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { InternalError, ServiceUnavailable } from '../errors/core-errors.js';
import { LifelongError } from '../errors/lifelong-error.js';
import type { AppEnv } from './app-env.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The RFC 9457 body every error response has; also the OpenAPI `Problem` component. */
export const Problem = Type.Object(
  {
    type: Type.String({ description: 'Stable URI naming the kind of problem, e.g. urn:lifelong:problem:not-found.' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String({ description: 'The request path.' })),
    code: Type.String({ description: 'Stable machine-readable code, e.g. NOT_FOUND.' }),
    requestId: Type.Optional(Type.String()),
    errors: Type.Optional(
      Type.Array(Type.Object({ path: Type.String(), rule: Type.String(), message: Type.String() })),
    ),
  },
  { additionalProperties: true, $id: 'Problem' },
);

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

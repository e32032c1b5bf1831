import { type Context, Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { PatternRouter } from 'hono/router/pattern-router';
import type { Logger } from 'pino';
import { MethodNotAllowed, NotFound } from '../errors/core-errors.js';
import type { FileStore } from '../files/file-store.js';
import type { Principal } from '../identity/principal.js';
import { mountSite, type SiteOptions } from '../site/static-site.js';
import type { AppEnv } from './app-env.js';
import { authenticate } from './authenticate.js';
import { mountDocsPage } from './docs-page.js';
import { type IdempotencyOptions, idempotentRoutes } from './idempotency.js';
import { mountRouteGroup, toHonoPath } from './mount-routes.js';
import { buildOpenApiDocument, type OpenApiInfo } from './openapi.js';
import { pathRedactor } from './path-redaction.js';
import { problemResponse, toLifelongError } from './problem.js';
import { type RateLimitOptions, rateLimiter } from './rate-limit.js';
import { requestDeadline } from './request-deadline.js';
import { requestLogger } from './request-logger.js';
import type { RouteGroup } from './route.js';
import { securityHeaders } from './security-headers.js';

export interface HttpAppOptions {
  logger: Logger;
  groups: readonly RouteGroup[];
  resolveToken: (token: string) => Promise<Principal | null>;
  bodyLimitBytes: number;
  /** 0 disables the deadline. */
  requestTimeoutMs?: number;
  /** Per-principal write and per-address sign-in limits; absent: no rate limiting. */
  rateLimits?: RateLimitOptions;
  info: OpenApiInfo;
  /** Where POST routes keep their Idempotency-Keys; absent: keys are ignored. */
  idempotency?: IdempotencyOptions;
  /** Where streamed uploads (`upload.stream`) are received. */
  files?: FileStore;
  /** A built web site served at `/` (after every API route, never shadowing one); absent: `/` is a 404. */
  site?: SiteOptions;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/**
 * Builds the HTTP application: request id → security headers → logger → deadline → body limit → authentication →
 * routes (rate limit, access, validation, handler), with
 * every error (including 404, 405 and malformed JSON) answered as problem+json in one place.
 */
export function createHttpApp({
  logger,
  groups: declared,
  resolveToken,
  bodyLimitBytes,
  requestTimeoutMs = 0,
  rateLimits,
  info,
  idempotency,
  files,
  site,
}: HttpAppOptions): Hono<AppEnv> {
  // Every POST route, core or plugin, honours an Idempotency-Key (and lists its errors in OpenAPI).
  const groups = idempotency ? declared.map((group) => idempotentRoutes(group, idempotency)) : declared;
  const app = new Hono<AppEnv>();
  // Endpoints only (no middleware), to tell "no such path" (404) from "wrong method" (405).
  const endpoints = new PatternRouter<true>();

  app.use(requestId());
  app.use(securityHeaders());
  app.use(requestLogger(logger, pathRedactor(groups)));
  app.use(requestDeadline(requestTimeoutMs));
  // Routes with credentials of their own (access `{ credentials }`) read `Authorization` themselves.
  const ownCredentialRoutes = new PatternRouter<true>();
  for (const group of groups) {
    for (const route of group.routes) {
      if ('credentials' in route.access) {
        ownCredentialRoutes.add(route.method.toUpperCase(), toHonoPath(`${group.prefix}${route.path}`), true);
      }
    }
  }
  const ownCredentials = (c: Context<AppEnv>) =>
    (ownCredentialRoutes.match(c.req.method === 'HEAD' ? 'GET' : c.req.method, c.req.path)[0] as unknown[]).length > 0;
  app.use(authenticate({ resolveToken, ownCredentials }));

  const guard = rateLimits ? rateLimiter(rateLimits) : undefined;
  for (const group of groups) {
    mountRouteGroup(app, group, bodyLimitBytes, guard, files);
    for (const route of group.routes) {
      endpoints.add(route.method.toUpperCase(), toHonoPath(`${group.prefix}${route.path}`), true);
    }
  }

  let openApi: string | undefined;
  app.get('/openapi.json', (c) => {
    openApi ??= JSON.stringify(buildOpenApiDocument(info, groups));
    return c.body(openApi, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });
  mountDocsPage(app);
  for (const path of ['/openapi.json', '/docs', '/docs/assets/:file']) endpoints.add('GET', path, true);
  // Registered last: every API route above answers first, and the site refuses reserved paths.
  if (site) mountSite(app, site);

  app.notFound((c) => {
    const allowed = METHODS.filter((method) => (endpoints.match(method, c.req.path)[0] as unknown[]).length > 0);
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
    // A route that matched and still answered "not found" (an unknown id) is a 404, not a 405.
    if (allowed.length > 0 && !allowed.includes(method as (typeof METHODS)[number])) {
      const allow = allowed.includes('GET') ? [...allowed, 'HEAD'] : allowed;
      return problemResponse(
        c,
        MethodNotAllowed({ detail: `${c.req.method} is not allowed here.`, headers: { Allow: allow.join(', ') } }),
      );
    }
    return problemResponse(c, NotFound({ detail: `No route matches ${c.req.method} ${c.req.path}.` }));
  });

  app.onError((error, c) => {
    const problem = toLifelongError(error);
    if (problem.status >= 500) logger.error({ requestId: c.get('requestId'), err: error }, 'request failed');
    return problemResponse(c, problem);
  });

  return app;
}

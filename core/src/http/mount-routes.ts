import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode, StatusCode } from 'hono/utils/http-status';
import { Forbidden, Unauthenticated, ValidationFailed } from '../errors/core-errors.js';
import type { FieldError } from '../errors/lifelong-error.js';
import { isAllowed } from '../identity/authorize.js';
import type { AppEnv } from './app-env.js';
import { readJsonBody, rejectBadText } from './json-body.js';
import type { AnyRoute, RouteGroup } from './route.js';
import { coerce, fieldErrors } from './validation.js';

/** `/people/{learnerNumber}` → `/people/:learnerNumber` (Hono's syntax). */
export function toHonoPath(path: string): string {
  return path.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, ':$1');
}

function checkAccess(route: AnyRoute, c: Context<AppEnv>): void {
  if ('public' in route.access) return;
  const principal = c.get('principal');
  if (principal.kind === 'anonymous') {
    throw Unauthenticated({ headers: { 'WWW-Authenticate': 'Bearer' } });
  }
  if ('authenticated' in route.access) return;
  if (!isAllowed(principal, route.access.permission)) {
    throw Forbidden({ detail: `This requires the permission "${route.access.permission}".` });
  }
}

/** Access check, then validation of every request part (all errors reported at once), then the handler. */
/** Runs before a route's access check, e.g. the rate limit; throws to refuse the request. */
export type RouteGuard = (route: AnyRoute, c: Context<AppEnv>) => void;

function routeHandler(route: AnyRoute, before: RouteGroup['before'], guard: RouteGuard | undefined) {
  const { params: paramsSchema, query: querySchema, body: bodySchema } = route.request ?? {};
  return async function handleRoute(c: Context<AppEnv>): Promise<Response> {
    guard?.(route, c);
    if (before) await before(c);
    checkAccess(route, c);
    const errors: FieldError[] = [];
    rejectBadText(c.req.param(), '/params');
    // Every value of a repeated query parameter, reported at the parameter's own path.
    rejectBadText(Object.fromEntries(Object.entries(c.req.queries()).map(([k, v]) => [k, v.join('')])), '/query');
    const params = paramsSchema ? coerce(paramsSchema, c.req.param()) : {};
    if (paramsSchema) errors.push(...fieldErrors(paramsSchema, params, '/params'));
    const query = querySchema ? coerce(querySchema, c.req.query()) : {};
    if (querySchema) errors.push(...fieldErrors(querySchema, query, '/query'));
    let body: unknown;
    if (bodySchema) {
      body = await readJsonBody(c);
      errors.push(...fieldErrors(bodySchema, body, '/body'));
    }
    if (errors.length > 0) throw ValidationFailed({ errors });

    const reply = await route.handler({ params, query, body }, c);
    if ('response' in reply) return reply.response;
    if (reply.body === undefined) return c.body(null, reply.status as StatusCode, reply.headers);
    return c.json(reply.body, reply.status as ContentfulStatusCode, reply.headers);
  };
}

/** Mounts a group's routes under its prefix. */
export function mountRouteGroup(app: Hono<AppEnv>, group: RouteGroup, guard?: RouteGuard): void {
  for (const route of group.routes) {
    app.on(
      route.method.toUpperCase(),
      toHonoPath(`${group.prefix}${route.path}`),
      routeHandler(route, group.before, guard),
    );
  }
}

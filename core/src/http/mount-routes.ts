import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode, StatusCode } from 'hono/utils/http-status';
import {
  Forbidden,
  MalformedJson,
  Unauthenticated,
  UnsupportedMediaType,
  ValidationFailed,
} from '../errors/core-errors.js';
import type { FieldError } from '../errors/lifelong-error.js';
import { isAllowed } from '../identity/authorize.js';
import type { AppEnv } from './app-env.js';
import type { AnyRoute, RouteGroup } from './route.js';
import { coerce, fieldErrors } from './validation.js';

/** `/people/{learnerNumber}` → `/people/:learnerNumber` (Hono's syntax). */
export function toHonoPath(path: string): string {
  return path.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, ':$1');
}

const JSON_CONTENT_TYPE = /^application\/([a-z0-9.+-]*\+)?json(\s*;.*)?$/i;

async function readJsonBody(c: Context<AppEnv>): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return undefined;
  const contentType = c.req.header('content-type') ?? '';
  if (!JSON_CONTENT_TYPE.test(contentType)) {
    throw UnsupportedMediaType({ detail: `Got Content-Type "${contentType || '(none)'}".` });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw MalformedJson({ detail: (error as Error).message });
  }
  rejectNul(value, '/body');
  return value;
}

/** PostgreSQL text cannot hold U+0000: refuse it as bad input (400) rather than fail in the database (500). */
function rejectNul(value: unknown, path: string): void {
  const nul = findNul(value, path);
  if (nul) {
    throw ValidationFailed({ errors: [{ path: nul, rule: 'noNulCharacter', message: 'Must not contain U+0000' }] });
  }
}

/** The JSON Pointer of the first string (or key) holding U+0000, if any. */
function findNul(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], `${path}/${i}`);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const pointer = `${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
      if (key.includes('\u0000')) return pointer;
      const found = findNul(item, pointer);
      if (found) return found;
    }
  }
  return undefined;
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
    rejectNul(c.req.param(), '/params');
    // Every value of a repeated query parameter, reported at the parameter's own path.
    rejectNul(Object.fromEntries(Object.entries(c.req.queries()).map(([k, v]) => [k, v.join('')])), '/query');
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

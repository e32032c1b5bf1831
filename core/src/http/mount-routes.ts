import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode, StatusCode } from 'hono/utils/http-status';
import {
  Forbidden,
  PayloadTooLarge,
  Unauthenticated,
  UnsupportedMediaType,
  ValidationFailed,
} from '../errors/core-errors.js';
import type { FieldError } from '../errors/lifelong-error.js';
import type { FileStore, StagedFile } from '../files/file-store.js';
import { isAllowed, PLATFORM_WIDE } from '../identity/authorize.js';
import { normalizeHumanTextFields } from '../text/normalize-fields.js';
import type { AppEnv } from './app-env.js';
import { readJsonBody, rejectBadText } from './json-body.js';
import { bodyStream, readBody } from './request-body.js';
import type { AnyRoute, RouteGroup, StagedUpload, Upload, UploadSpec } from './route.js';
import { coerce, fieldErrors } from './validation.js';

/** `/people/{learnerNumber}` → `/people/:learnerNumber` (Hono's syntax). */
export function toHonoPath(path: string): string {
  return path.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, ':$1');
}

/** The declared media type, which the route must accept (else 415). */
function uploadType(c: Context<AppEnv>, spec: UploadSpec): string {
  const contentType = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (spec.contentTypes.includes('*/*')) return contentType || 'application/octet-stream';
  if (!spec.contentTypes.includes(contentType)) {
    throw UnsupportedMediaType({
      detail: `Got Content-Type "${contentType || '(none)'}"; this route accepts ${spec.contentTypes.join(', ')}.`,
    });
  }
  return contentType;
}

const emptyFile = () =>
  ValidationFailed({ errors: [{ path: '/body', rule: 'minLength', message: 'The file is empty' }] });

/**
 * A streamed file body: written to the store's staging area as it arrives, before the handler's
 * transaction opens (a slow client holds no database connection), refused with 413 as soon as it
 * passes the route's limit.
 */
async function stageUpload(c: Context<AppEnv>, spec: UploadSpec, files: FileStore): Promise<StagedFile & StagedUpload> {
  const contentType = uploadType(c, spec);
  const tooLarge = () => uploadTooLarge(spec);
  const staged = await files.stage(bodyStream(c, spec.maxBytes, tooLarge), { maxBytes: spec.maxBytes, tooLarge });
  if (staged.size === 0) {
    await staged.discard();
    throw emptyFile();
  }
  return Object.assign(staged, { contentType });
}

/** A file body: the declared type must be accepted and the size within the route's limit. */
async function readUpload(c: Context<AppEnv>, spec: UploadSpec): Promise<Upload> {
  const contentType = uploadType(c, spec);
  const body = await readBody(c, spec.maxBytes, () => uploadTooLarge(spec));
  const bytes = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (bytes.byteLength === 0 && !spec.optional) throw emptyFile();
  return { bytes, contentType };
}

const uploadTooLarge = (spec: UploadSpec) =>
  PayloadTooLarge({
    detail: `Files on this route may be at most ${spec.maxBytes} bytes.`,
    extensions: { maxBytes: spec.maxBytes },
  });

function checkAccess(route: AnyRoute, c: Context<AppEnv>): void {
  // A route with credentials of its own authenticates the request in its handler.
  if ('public' in route.access || 'credentials' in route.access) return;
  const principal = c.get('principal');
  if (principal.kind === 'anonymous') {
    throw Unauthenticated({ headers: { 'WWW-Authenticate': 'Bearer' } });
  }
  if ('authenticated' in route.access) return;
  const platformWide = route.access.scope === 'platform';
  if (!isAllowed(principal, route.access.permission, platformWide ? PLATFORM_WIDE : undefined)) {
    throw Forbidden({
      detail: platformWide
        ? `This requires the permission "${route.access.permission}" for the whole platform (a grant narrowed to a region or an institution does not count).`
        : `This requires the permission "${route.access.permission}".`,
    });
  }
}

/** Runs before a route's access check, e.g. the rate limit; throws to refuse the request. */
export type RouteGuard = (route: AnyRoute, c: Context<AppEnv>) => void;

/** Access check, then validation of every request part (all errors reported at once), then the handler. */
function routeHandler(
  route: AnyRoute,
  before: RouteGroup['before'],
  guard: RouteGuard | undefined,
  bodyLimitBytes: number,
  files: FileStore | undefined,
) {
  const { params: paramsSchema, query: querySchema, body: bodySchema, upload: uploadSpec } = route.request ?? {};
  if (uploadSpec?.stream && !files) throw new Error(`${route.path}: a streamed upload needs the platform's file store`);
  return async function handleRoute(c: Context<AppEnv>): Promise<Response> {
    guard?.(route, c);
    // Access first: a group's `before` may refuse with what it knows (a plugin off in this
    // region: 404), which must not tell anonymous callers more than "authenticate" (401).
    checkAccess(route, c);
    if (before) await before(c);
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
      body = await readJsonBody(c, bodyLimitBytes);
      errors.push(...fieldErrors(bodySchema, body, '/body'));
    }
    if (errors.length > 0) throw ValidationFailed({ errors });
    // Names reach handlers in NFC, so they are stored and compared in one form.
    if (paramsSchema) normalizeHumanTextFields(paramsSchema, params);
    if (querySchema) normalizeHumanTextFields(querySchema, query);
    if (bodySchema) body = normalizeHumanTextFields(bodySchema, body);
    if (uploadSpec?.stream) {
      const staged = await stageUpload(c, uploadSpec, files as FileStore);
      // Whatever the handler did not keep (a refused type, an exceeded quota, an error) goes.
      try {
        return await answer(route, c, { params, query, body, upload: staged });
      } finally {
        await staged.discard();
      }
    }
    const upload = uploadSpec ? await readUpload(c, uploadSpec) : undefined;
    return answer(route, c, { params, query, body, upload });
  };
}

/** Runs the handler and turns its reply into the response. */
async function answer(route: AnyRoute, c: Context<AppEnv>, input: Parameters<AnyRoute['handler']>[0]) {
  const reply = await route.handler(input, c);
  if ('response' in reply) return reply.response;
  if (reply.body === undefined) return c.body(null, reply.status as StatusCode, reply.headers);
  return c.json(reply.body, reply.status as ContentfulStatusCode, reply.headers);
}

/**
 * Mounts a group's routes under its prefix. A route reads its body (after the access check)
 * under a size limit: the platform's for JSON, the route's own for file uploads (checked before
 * any byte is buffered when the client declares a length, and while streaming otherwise).
 */
export function mountRouteGroup(
  app: Hono<AppEnv>,
  group: RouteGroup,
  bodyLimitBytes: number,
  guard?: RouteGuard,
  files?: FileStore,
): void {
  for (const route of group.routes) {
    const method = route.method.toUpperCase();
    const path = toHonoPath(`${group.prefix}${route.path}`);
    app.on(method, path, routeHandler(route, group.before, guard, bodyLimitBytes, files));
  }
}

import type { Static, TObject, TSchema } from '@sinclair/typebox';
import type { Context } from 'hono';
import type { ErrorKind } from '../errors/lifelong-error.js';
import type { AppEnv } from './app-env.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * Who may call a route:
 * - `{ public: true }`: anyone (an explicit opt-out; protected is the default);
 * - `{ permission }`: principals holding the permission in some scope (the handler narrows it to
 *   the resource's scope with `requirePermission`);
 * - `{ permission, scope: 'platform' }`: the route changes or reads platform-wide state, so only a
 *   platform-scoped grant counts (checked at the door; shown in OpenAPI as `x-permission-scope`);
 * - `{ authenticated }`: any signed-in principal, the handler applying the relationship rule the
 *   string describes (e.g. "the person themself or their guardian"). The rule is shown in OpenAPI.
 */
export type Access = { public: true } | { permission: string; scope?: 'platform' } | { authenticated: string };

export interface RequestSpec {
  /** Path parameters, named as in the path's `{name}` segments. */
  params?: TObject;
  query?: TObject;
  /** A JSON body; routes with a body require `Content-Type: application/json`. */
  body?: TSchema;
  /**
   * A binary body instead of JSON (a file): its declared `Content-Type` must be one of
   * `contentTypes` (else 415) and its size at most `maxBytes` (else 413). The handler gets the bytes
   * as `input.upload`; checking that the bytes really are what the header says is the handler's job
   * (`sniffContentType`).
   */
  upload?: UploadSpec;
}

export interface UploadSpec {
  contentTypes: readonly string[];
  maxBytes: number;
  /** What the file holds, for OpenAPI's request body (the size limit is added to it). */
  description?: string;
  /**
   * For OpenAPI only: the shape of the file per content type (e.g. the JSON document a handler
   * parses itself); others are documented as binary. The handler still checks what it reads.
   */
  schemas?: Readonly<Record<string, TSchema>>;
}

/** An uploaded file, as a handler receives it. */
export interface Upload {
  bytes: Uint8Array;
  /** The declared media type, without parameters, lower-cased. */
  contentType: string;
}

export interface ResponseSpec {
  description: string;
  /** The JSON body; omit for responses without content. */
  schema?: TSchema;
}

export type ResponseSpecs = Record<number, ResponseSpec>;

type StaticOr<T, Fallback> = T extends TSchema ? Static<T> : Fallback;

/** What a handler receives: the validated, typed request parts. */
export interface RouteInput<Q extends RequestSpec> {
  params: StaticOr<Q['params'], Record<string, never>>;
  query: StaticOr<Q['query'], Record<string, never>>;
  body: StaticOr<Q['body'], undefined>;
  upload: Q['upload'] extends UploadSpec ? Upload : undefined;
}

/** What a handler returns: one of the declared responses, typed by its status. */
export type RouteReply<R extends ResponseSpecs> = {
  [K in keyof R & number]: {
    status: K;
    body: R[K]['schema'] extends TSchema ? Static<R[K]['schema']> : undefined;
    headers?: Record<string, string>;
  };
}[keyof R & number];

/** An escape hatch for responses that are not JSON (files, streams, redirects). */
export interface RawReply {
  response: Response;
}

export interface RouteDefinition<Q extends RequestSpec = RequestSpec, R extends ResponseSpecs = ResponseSpecs> {
  method: HttpMethod;
  /** Relative to the router's prefix, OpenAPI style: `/people/{learnerNumber}`. */
  path: string;
  summary: string;
  description?: string;
  /** Stable name for the operation in OpenAPI and the SDK; derived from method and path if omitted. */
  operationId?: string;
  access: Access;
  /**
   * Which rate limit the route counts against: writes count per principal by default; `signIn`
   * counts per client address, with its own (lower) limit.
   */
  rateLimit?: 'signIn';
  /**
   * Path parameters that are bearer secrets (a share link's token): the request log shows them
   * as `[redacted]`. Such a route is public by nature; whoever holds the path holds the access.
   */
  secretParams?: readonly string[];
  request?: Q;
  responses: R;
  /**
   * Error kinds the route's service can raise beyond the shell's own (e.g. a 409 conflict): each
   * is listed in OpenAPI under its status, with its code. 400/401/403/404 are derived from the
   * contract and need not be listed.
   */
  errors?: readonly ErrorKind[];
  // NoInfer: the schemas alone decide the types; the handler is checked against them.
  handler: (
    input: RouteInput<NoInfer<Q>>,
    c: Context<AppEnv>,
  ) => RouteReply<NoInfer<R>> | RawReply | Promise<RouteReply<NoInfer<R>> | RawReply>;
}

/**
 * Declares a route once: its schemas validate the request, type the handler and feed OpenAPI.
 *
 * @example
 * export const getGreeting = defineRoute({
 *   method: 'get',
 *   path: '/greetings/{name}',
 *   summary: 'Greet someone',
 *   access: { public: true },
 *   request: { params: Type.Object({ name: Type.String({ maxLength: 50 }) }) },
 *   responses: { 200: { description: 'The greeting', schema: Type.Object({ text: Type.String() }) } },
 *   handler: ({ params }) => ({ status: 200, body: { text: `Hello, ${params.name}` } }),
 * });
 */
export function defineRoute<Q extends RequestSpec, R extends ResponseSpecs>(
  route: RouteDefinition<Q, R>,
  // NoInfer: a contextual type at the call site (e.g. `AnyRoute[]`) must not leak `any` into Q and R.
): NoInfer<RouteDefinition<Q, R>> {
  return route;
}

// biome-ignore lint/suspicious/noExplicitAny: a router holds routes of every shape.
export type AnyRoute = RouteDefinition<any, any>;

/** A group of routes under one mandatory prefix, tagged together in OpenAPI. */
export interface RouteGroup {
  /** e.g. `/v1/identity`; must start with `/` and not end with one. */
  prefix: string;
  /** OpenAPI tag (one per core concern or plugin). */
  tag: string;
  description?: string;
  /** Shown with the tag in OpenAPI (`x-version`), e.g. a plugin's version. */
  version?: string;
  /**
   * Runs after the access check and before validation, e.g. "is this plugin enabled in the
   * request's region?" (after, so that its answer is given only to callers who may call the route).
   */
  before?: (c: Context<AppEnv>) => Promise<void>;
  /** Error responses `before` can give, by status (shown in OpenAPI for every route of the group). */
  beforeErrors?: Readonly<Record<number, string>>;
  routes: readonly AnyRoute[];
}

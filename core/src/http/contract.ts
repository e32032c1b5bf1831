import type { TObject, TSchema } from '@sinclair/typebox';
import type { ErrorKind } from '../errors/lifelong-error.js';

// A route's contract: everything about an operation except its handler. The server binds a
// handler to it (`route(contract, handler)`, `p.route(contract, handler)`), OpenAPI is written
// from it and clients are built from it (`bindContracts`), so method, path and types are stated
// once. This module loads no server code: it is part of `@lifelong/core/contract`.

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
 * - `{ credentials }`: the route authenticates the request itself, from its `Authorization`
 *   header, with credentials of its own (e.g. HTTP Basic with a plugin's client keys, as a
 *   standard protocol demands). The platform does not read that header for the route (the
 *   principal is anonymous) and the handler must refuse what the string does not allow.
 */
export type Access =
  | { public: true }
  | { permission: string; scope?: 'platform' }
  | { authenticated: string }
  | { credentials: string };

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
  /**
   * Accepted media types. The wildcard range (star, slash, star) accepts any type: the handler
   * then checks it, and a body without a `Content-Type` arrives as `application/octet-stream`.
   */
  contentTypes: readonly string[];
  maxBytes: number;
  /**
   * Stream the file into the platform's file store as it arrives (hashed on the way, refused with
   * 413 as soon as it passes `maxBytes`) instead of buffering it: the handler gets a
   * `StagedUpload` to check (`head` for sniffing, `size` for limits and quotas) and `keep`; what
   * it does not keep is discarded after it answers. For large files (media, evidence).
   */
  stream?: boolean;
  /**
   * An empty (or absent) body is allowed and reaches the handler as zero bytes, instead of a 400
   * (for protocols whose documents may be empty, and routes that take a body only sometimes).
   * Not with `stream`.
   */
  optional?: boolean;
  /** What the file holds, for OpenAPI's request body (the size limit is added to it). */
  description?: string;
  /**
   * For OpenAPI only: the shape of the file per content type (e.g. the JSON document a handler
   * parses itself); others are documented as binary. The handler still checks what it reads.
   */
  schemas?: Readonly<Record<string, TSchema>>;
}

export interface ResponseSpec {
  description: string;
  /** The JSON body; omit for responses without content. */
  schema?: TSchema;
  /**
   * A binary body (a file) of one of these media types instead of JSON: OpenAPI shows
   * `format: binary`, and clients resolve such a call to the raw `Response` (stream it, or
   * `blob()` it) rather than parsing JSON. A handler answers it with `{ response }` (`serveFile`).
   */
  file?: { contentTypes: readonly string[] };
}

export type ResponseSpecs = Record<number, ResponseSpec>;

/**
 * An operation, handler-free. `operationId` is a dotted path naming the client method
 * (`people.get` → `client.people.get`; a plugin's are under its camelCase id, added by the
 * platform). `path` is the full path for core operations (`/v1/people/{learnerNumber}`) and
 * relative to `/v1/<pluginId>` for a plugin's.
 */
export interface RouteContract<
  Id extends string = string,
  Q extends RequestSpec = RequestSpec,
  R extends ResponseSpecs = ResponseSpecs,
> {
  operationId: Id;
  method: HttpMethod;
  path: string;
  summary: string;
  description?: string;
  access: Access;
  /**
   * Which rate limit the route counts against: writes count per principal by default; `signIn`
   * counts per client address, with its own (lower) limit. Clients send no credentials to these.
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
}

// biome-ignore lint/suspicious/noExplicitAny: a set of contracts holds operations of every shape.
export type AnyContract = RouteContract<string, any, any>;

const OPERATION_ID = /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*$/;

/**
 * Declares an operation once; bind a handler to it on the server and call it from clients.
 *
 * @example
 * export const getGreeting = defineContract({
 *   operationId: 'greetings.get',
 *   method: 'get',
 *   path: '/greetings/{name}',
 *   summary: 'Greet someone',
 *   access: { public: true },
 *   request: { params: Type.Object({ name: Type.String({ maxLength: 50 }) }) },
 *   responses: { 200: { description: 'The greeting', schema: Type.Object({ text: Type.String() }) } },
 * });
 */
export function defineContract<const Id extends string, Q extends RequestSpec, R extends ResponseSpecs>(
  contract: RouteContract<Id, Q, R>,
): RouteContract<Id, Q, R> {
  if (!OPERATION_ID.test(contract.operationId)) {
    throw new TypeError(`operationId "${contract.operationId}" must be dotted camelCase words (e.g. "people.get")`);
  }
  const named = new Set([...contract.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]));
  const declared = Object.keys(contract.request?.params?.properties ?? {});
  if (named.size !== declared.length || declared.some((name) => !named.has(name))) {
    throw new TypeError(`${contract.operationId}: the path's {names} and request.params must be the same`);
  }
  const clash = Object.keys(contract.request?.query?.properties ?? {}).find(
    (name) => named.has(name) || name === 'body',
  );
  if (clash) throw new TypeError(`${contract.operationId}: query parameter "${clash}" clashes with a path parameter`);
  return Object.freeze(contract);
}

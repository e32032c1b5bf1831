import type { Static, TSchema } from '@sinclair/typebox';
import type { Context } from 'hono';
import type { StagedFile } from '../files/file-store.js';
import type { AppEnv } from './app-env.js';
import type { RequestSpec, ResponseSpecs, RouteContract, UploadSpec } from './contract.js';

export type {
  Access,
  HttpMethod,
  RequestSpec,
  ResponseSpec,
  ResponseSpecs,
  RouteContract,
  UploadSpec,
} from './contract.js';

/** An uploaded file, as a handler receives it. */
export interface Upload {
  bytes: Uint8Array;
  /** The declared media type, without parameters, lower-cased. */
  contentType: string;
}

/**
 * A streamed upload (`upload.stream`), already received into the file store's staging area:
 * hashed, sized, its first bytes at hand. Check it, then keep it (`ctx.files.keep(upload)` in a
 * plugin); it is discarded after the handler otherwise.
 */
export interface StagedUpload extends Omit<StagedFile, 'discard'> {
  /** The declared media type, without parameters, lower-cased (the client's claim: sniff `head`). */
  contentType: string;
}

type StaticOr<T, Fallback> = T extends TSchema ? Static<T> : Fallback;

/** What a handler receives: the validated, typed request parts. */
export interface RouteInput<Q extends RequestSpec> {
  params: StaticOr<Q['params'], Record<string, never>>;
  query: StaticOr<Q['query'], Record<string, never>>;
  body: StaticOr<Q['body'], undefined>;
  upload: Q['upload'] extends UploadSpec ? (Q['upload'] extends { stream: true } ? StagedUpload : Upload) : undefined;
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

/** What a handler does with a validated request. */
export type RouteHandler<Q extends RequestSpec, R extends ResponseSpecs> = (
  input: RouteInput<NoInfer<Q>>,
  c: Context<AppEnv>,
) => RouteReply<NoInfer<R>> | RawReply | Promise<RouteReply<NoInfer<R>> | RawReply>;

/** A contract with its handler; `operationId` may be left to be derived (routes outside a contract). */
export interface RouteDefinition<Q extends RequestSpec = RequestSpec, R extends ResponseSpecs = ResponseSpecs>
  extends Omit<RouteContract<string, Q, R>, 'operationId'> {
  operationId?: string;
  // NoInfer: the schemas alone decide the types; the handler is checked against them.
  handler: RouteHandler<Q, R>;
}

/**
 * Binds a handler to a contract: the contract's schemas validate the request and type the
 * handler, so it is checked against what clients were promised.
 *
 * @example
 * route(greetingContracts.get, ({ params }) => ({ status: 200, body: { text: `Hello, ${params.name}` } }));
 */
export function route<Q extends RequestSpec, R extends ResponseSpecs>(
  contract: RouteContract<string, Q, R>,
  handler: RouteHandler<Q, R>,
  // NoInfer: as for defineRoute, a contextual type at the call site must not leak into Q and R.
): NoInfer<RouteDefinition<Q, R>> {
  return { ...contract, handler };
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
  /**
   * Prepended to every route's path: e.g. `/v1/<pluginId>` for a plugin's routes; empty for the core's,
   * whose contracts state full paths. Starts with `/` (or is empty) and does not end with one.
   */
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

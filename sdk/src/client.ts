import {
  type AnyContract,
  answersWithFile,
  bindContracts,
  bindPluginContracts,
  type CallContract,
  type ClientOf,
  type CoreContracts,
  camelId,
  coreContracts,
  type InputOf,
  type PluginClientsOf,
  type PluginContracts,
} from '@lifelong/core/contract';
import {
  type Auth,
  type CallOptions,
  createTransport,
  type Query,
  type RetryKind,
  type RetryOptions,
  type SessionStore,
} from './transport.js';
import type { IssuedSession } from './types.js';

export interface ClientOptions<P extends readonly PluginContracts[] = readonly PluginContracts[]> {
  /** The platform's base URL, e.g. `http://localhost:3000`. */
  baseUrl: string;
  /**
   * `{ token }` (a session token), `{ apiKey }`, or a `SessionStore` (refreshed on 401). Default:
   * an in-memory session store, filled by `sessions.create()`.
   */
  auth?: Auth;
  /** Region id sent as the `Lifelong-Region` header. */
  region?: string;
  /** A fetch implementation; by default the global one, read at call time (so msw can intercept). */
  fetch?: (request: Request) => Promise<Response>;
  /** Per-attempt timeout for every call (override per call). */
  timeoutMs?: number;
  /** Retries of GETs and POSTs (default 2). */
  retries?: number | RetryOptions;
  /** Plugin client modules (each plugin's `./client` default export), served as `client.<camelId>`. */
  plugins?: P;
}

export interface RawRequest {
  method: string;
  path: string;
  query?: Query;
  body?: unknown;
  retry?: RetryKind;
}

/**
 * GETs are retried as reads; every POST is sent with an `Idempotency-Key` (the platform answers a
 * repeated key with the first answer), so it is retried too; PUT, PATCH and DELETE are not retried.
 */
function retryOf(contract: AnyContract): RetryKind {
  if (contract.method === 'get') return 'read';
  return contract.method === 'post' ? 'create' : 'none';
}

type Core = ClientOf<CoreContracts, CallOptions>;
type Sessions = Core['sessions'];
type RefreshInput = Partial<InputOf<CoreContracts['refreshSession']>>;

/** The session operations, keeping the client's session store up to date. */
export interface SessionMethods extends Omit<Sessions, 'refresh'> {
  /** Exchanges the given refresh token, or the stored one. */
  refresh: ((input?: RefreshInput, options?: CallOptions) => Promise<IssuedSession>) & {
    readonly contract: Sessions['refresh']['contract'];
  };
}

/** `method`, then `then` on its answer; the method's contract stays attached. */
function andThen<M extends ((...args: never[]) => Promise<unknown>) & { readonly contract: unknown }>(
  method: M,
  then: (answer: Awaited<ReturnType<M>>) => void,
): M {
  const wrapped = async (...args: Parameters<M>) => {
    const answer = (await method(...args)) as Awaited<ReturnType<M>>;
    then(answer);
    return answer;
  };
  return Object.assign(wrapped, { contract: method.contract }) as unknown as M;
}

function withSessionStore(sessions: Sessions, store: SessionStore | undefined): SessionMethods {
  const forget = () => store?.set(undefined);
  return {
    ...sessions,
    create: andThen(sessions.create, (session) => store?.set(session)),
    refresh: Object.assign(
      async (input: RefreshInput = {}, options?: CallOptions) => {
        const refreshToken = input.body?.refreshToken ?? store?.get()?.refreshToken;
        if (!refreshToken) throw new TypeError('No refresh token: sign in first or pass one.');
        const session = await sessions.refresh({ body: { refreshToken } }, options);
        store?.set(session);
        return session;
      },
      { contract: sessions.refresh.contract },
    ),
    current: { ...sessions.current, delete: andThen(sessions.current.delete, forget) },
    deleteAll: andThen(sessions.deleteAll, forget),
  };
}

/**
 * Creates a client for a Lifelong platform: one method per operation of `/openapi.json`, named by
 * its operationId (`people.get` → `client.people.get`), each taking `(input, options?)`.
 *
 * @example
 * import creditBank from '@lifelong/plugin-credit-bank/client';
 * const lifelong = createClient({ baseUrl: 'http://localhost:3000', plugins: [creditBank] });
 * await lifelong.sessions.create({ body: { learnerNumber, password } });
 * const person = await lifelong.people.get({ learnerNumber });
 * for await (const redemption of lifelong.creditBank.exchange.redemptions.list.all()) console.log(redemption.status);
 */
export function createClient<const P extends readonly PluginContracts[] = []>(options: ClientOptions<P>) {
  const { request, store } = createTransport({ ...options, refreshPath: coreContracts.refreshSession.path });
  const call: CallContract<CallOptions> = ({ contract, path, query, body, contentType }, callOptions) =>
    request(
      {
        method: contract.method.toUpperCase(),
        path,
        query: query as Query,
        body,
        ...(contentType ? { contentType } : {}),
        retry: retryOf(contract),
        // Sign-in and refresh carry their own credentials; a stale stored token must not spoil them.
        anonymous: contract.rateLimit === 'signIn',
        raw: answersWithFile(contract),
      },
      callOptions,
    );
  const core = bindContracts(coreContracts, call);
  const base: ClientExtras = {
    ...core,
    sessions: withSessionStore(core.sessions, store),
    request: (spec, callOptions) => request(spec, callOptions),
    session: store,
  };
  const withPlugins = (plugins: readonly PluginContracts[]): unknown => {
    for (const plugin of plugins) {
      if (camelId(plugin.id) in core) throw new TypeError(`Plugin "${plugin.id}" would shadow the core's operations`);
    }
    return Object.assign(
      { ...base, withPlugins: (more: readonly PluginContracts[]) => withPlugins([...plugins, ...more]) },
      bindPluginContracts(plugins, call),
    );
  };
  return withPlugins(options.plugins ?? []) as LifelongClient<P>;
}

interface ClientExtras extends Omit<Core, 'sessions'> {
  sessions: SessionMethods;
  /** Low-level call: JSON in, JSON out; a non-2xx answer throws `LifelongError`. */
  request<T = unknown>(spec: RawRequest, callOptions?: CallOptions): Promise<T>;
  /** The session store, when the client signs in itself (not with a fixed token or API key). */
  session: SessionStore | undefined;
}

/** The client of the core and of the given plugin client modules. */
export type LifelongClient<P extends readonly PluginContracts[] = []> = ClientExtras &
  PluginClientsOf<P, CallOptions> & {
    /**
     * The same client with more plugins bound: same transport, so one session, one refresh and
     * one retry policy for all. Lets an app load a plugin's client module only where it is used.
     *
     * @example
     * const community = await import('@lifelong/plugin-community/client');
     * const needs = await lifelong.withPlugins([community.default]).community.needs.list({});
     */
    withPlugins<const Q extends readonly PluginContracts[]>(plugins: Q): LifelongClient<[...P, ...Q]>;
  };

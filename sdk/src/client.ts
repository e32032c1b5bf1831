import { groupsModule, ledgerModule, peopleModule, pluginAdminModule, sessionsModule } from './modules.js';
import { paginate } from './pagination.js';
import type { PluginApis, PluginClient, PluginRequest } from './plugin-client.js';
import {
  type Auth,
  type CallOptions,
  createTransport,
  type Query,
  type RetryKind,
  type RetryOptions,
  type SessionStore,
} from './transport.js';

export interface ClientOptions<P extends readonly PluginClient[] = readonly PluginClient[]> {
  /** The platform's base URL, e.g. `http://localhost:3000`. */
  baseUrl: string;
  /**
   * `{ token }` (a session token), `{ apiKey }`, or a `SessionStore` (refreshed on 401). Default:
   * an in-memory session store, filled by `sessions.signIn()`.
   */
  auth?: Auth;
  /** Region id sent as the `Lifelong-Region` header. */
  region?: string;
  /** A fetch implementation; by default the global one, read at call time (so msw can intercept). */
  fetch?: (request: Request) => Promise<Response>;
  /** Per-attempt timeout for every call (override per call). */
  timeoutMs?: number;
  /** Retries of GETs and creating POSTs (default 2). */
  retries?: number | RetryOptions;
  /** Plugin client modules, available as `client.plugins[id]`. */
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
 * Creates a client for a Lifelong platform.
 *
 * @example
 * const lifelong = createClient({ baseUrl: 'http://localhost:3000', auth: { apiKey: process.env.LIFELONG_ADMIN_KEY! } });
 * const person = await lifelong.people.get('L123...');
 */
export function createClient<const P extends readonly PluginClient[] = []>(options: ClientOptions<P>) {
  const { request, store } = createTransport(options);
  const plugins: Record<string, unknown> = {};
  for (const plugin of options.plugins ?? []) {
    const prefix = `/v1/${plugin.id}`;
    const pluginRequest = (<T>(
      method: string,
      path: string,
      init: { query?: Query; body?: unknown; retry?: RetryKind } = {},
      callOptions?: CallOptions,
    ) => request<T>({ method, path: `${prefix}${path}`, ...init }, callOptions)) as PluginRequest;
    pluginRequest.paginate = paginate;
    plugins[plugin.id] = plugin.create(pluginRequest);
  }
  return {
    /** Low-level call: JSON in, JSON out; a non-2xx answer throws `LifelongError`. */
    request: <T = unknown>(spec: RawRequest, callOptions?: CallOptions) => request<T>(spec, callOptions),
    health: {
      live: (o?: CallOptions) => request<{ status: 'ok' }>({ method: 'GET', path: '/health/live' }, o),
      ready: (o?: CallOptions) => request<{ status: 'ok' }>({ method: 'GET', path: '/health/ready' }, o),
    },
    people: peopleModule(request),
    sessions: sessionsModule(request, store),
    groups: groupsModule(request),
    ledger: ledgerModule(request),
    /** Platform administration; `admin.plugins` manages plugins per region. */
    admin: { plugins: pluginAdminModule(request) },
    plugins: plugins as PluginApis<P>,
    /** The session store, when the client signs in itself (not with a fixed token or API key). */
    session: store as SessionStore | undefined,
  };
}

export type LifelongClient<P extends readonly PluginClient[] = []> = ReturnType<typeof createClient<P>>;

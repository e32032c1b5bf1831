import { LifelongError, problemFromResponse } from './problem.js';

export interface ClientOptions {
  /** The platform's base URL, e.g. `http://localhost:3000`. */
  baseUrl: string;
  /** A session token or API key, sent as `Authorization: Bearer`. */
  token?: string;
  /** Region id sent as the `Lifelong-Region` header. */
  region?: string;
  /** A fetch implementation; by default the global one, read at call time (so msw can intercept). */
  fetch?: (request: Request) => Promise<Response>;
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface LifelongClient {
  /** Low-level call: JSON in, JSON out; a non-2xx answer throws `LifelongError`. */
  request<T = unknown>(method: string, path: string, options?: RequestOptions): Promise<T>;
  health: {
    live(): Promise<{ status: 'ok' }>;
    ready(): Promise<{ status: 'ok' }>;
  };
}

/**
 * Creates a client for a Lifelong platform.
 *
 * @example
 * const lifelong = createClient({ baseUrl: 'http://localhost:3000', token: process.env.LIFELONG_ADMIN_KEY });
 * await lifelong.health.ready();
 */
export function createClient(options: ClientOptions): LifelongClient {
  const base = options.baseUrl.replace(/\/+$/, '');

  async function request<T>(method: string, path: string, { query, body, headers, signal }: RequestOptions = {}) {
    const url = new URL(`${base}${path}`);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const finalHeaders = new Headers({ Accept: 'application/json', ...headers });
    if (options.token) finalHeaders.set('Authorization', `Bearer ${options.token}`);
    if (options.region) finalHeaders.set('Lifelong-Region', options.region);
    if (body !== undefined) finalHeaders.set('Content-Type', 'application/json');
    const req = new Request(url, {
      method,
      headers: finalHeaders,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(signal ? { signal } : {}),
    });
    const response = await (options.fetch ?? globalThis.fetch)(req);
    const text = await response.text();
    const parsed: unknown = text ? safeJson(text) : undefined;
    if (!response.ok) throw new LifelongError(problemFromResponse(response, parsed));
    return parsed as T;
  }

  return {
    request,
    health: {
      live: () => request('GET', '/health/live'),
      ready: () => request('GET', '/health/ready'),
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

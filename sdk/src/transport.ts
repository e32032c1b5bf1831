import { LifelongError, LifelongNetworkError, LifelongTimeoutError, problemFromResponse } from './errors.js';
import type { IssuedSession } from './types.js';

/** Options every call accepts. */
export interface CallOptions {
  /** Cancels the call (and its retries). */
  signal?: AbortSignal;
  /** Per attempt; overrides the client's `timeoutMs`. */
  timeoutMs?: number;
  /** Extra headers. */
  headers?: Record<string, string>;
  /** For creating calls: the `Idempotency-Key` to send (default: a fresh UUID per call, reused by its retries). */
  idempotencyKey?: string;
}

/** Holds a signed-in session; the client refreshes it on a 401. */
export interface SessionStore {
  get(): IssuedSession | undefined;
  set(session: IssuedSession | undefined): void;
}

/** An in-memory session store (the default). Persist it yourself by implementing `SessionStore`. */
export function createSessionStore(initial?: IssuedSession): SessionStore {
  let current = initial;
  return {
    get: () => current,
    set: (session) => {
      current = session;
    },
  };
}

export type Auth = { token: string } | { apiKey: string } | SessionStore;

export interface RetryOptions {
  /** Retries after the first attempt (default 2). */
  max?: number;
  /** First back-off delay; doubles each retry, with jitter (default 200 ms). */
  baseDelayMs?: number;
  /** Upper bound of one delay, `Retry-After` included (default 10 s). */
  maxDelayMs?: number;
}

export interface TransportOptions {
  baseUrl: string;
  /** Where a stored refresh token is exchanged (the `sessions.refresh` contract's path). */
  refreshPath: string;
  auth?: Auth;
  region?: string;
  fetch?: (request: Request) => Promise<Response>;
  timeoutMs?: number;
  retries?: number | RetryOptions;
}

export type Query = Record<string, string | number | boolean | undefined | null>;

/**
 * How a call may be retried:
 * - `read`: GET; retried on network errors, timeouts and 502/503/504;
 * - `create`: a POST that creates; gets an `Idempotency-Key` and is retried like a read;
 * - `none`: never retried.
 */
export type RetryKind = 'read' | 'create' | 'none';

export interface RequestSpec {
  method: string;
  path: string;
  query?: Query | undefined;
  body?: unknown;
  /** Set for a file body: sent as it is, with this media type (else the body is JSON). */
  contentType?: string;
  retry?: RetryKind;
  /** Send no credentials and never refresh (sign-in, refresh). */
  anonymous?: boolean;
  /** Resolve to the unread `Response` (a file: 200, 206 or 304); errors still throw `LifelongError`. */
  raw?: boolean;
}

export type Requester = <T>(spec: RequestSpec, options?: CallOptions) => Promise<T>;

const RETRY_STATUSES = new Set([502, 503, 504]);

function isStore(auth: Auth | undefined): auth is SessionStore {
  return typeof auth === 'object' && auth !== null && 'get' in auth && typeof auth.get === 'function';
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** `Retry-After` as milliseconds (seconds or an HTTP date), or undefined. */
function retryAfterMs(headers: Headers): number | undefined {
  const value = headers.get('Retry-After');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function createTransport(options: TransportOptions) {
  const base = options.baseUrl.replace(/\/+$/, '');
  const retry: Required<RetryOptions> = {
    max: 2,
    baseDelayMs: 200,
    maxDelayMs: 10_000,
    ...(typeof options.retries === 'number' ? { max: options.retries } : options.retries),
  };
  // A store is the default, so that `sessions.signIn()` signs the client in.
  const store: SessionStore | undefined = options.auth
    ? isStore(options.auth)
      ? options.auth
      : undefined
    : createSessionStore();
  let refreshing: Promise<boolean> | undefined;

  function bearer(): string | undefined {
    const auth = options.auth;
    if (auth && 'token' in auth && typeof auth.token === 'string') return auth.token;
    if (auth && 'apiKey' in auth && typeof auth.apiKey === 'string') return auth.apiKey;
    return store?.get()?.token;
  }

  /** One attempt: an answer, or a thrown network/timeout/abort error. */
  async function attempt(spec: RequestSpec, call: CallOptions, idempotencyKey: string | undefined) {
    const url = new URL(`${base}${spec.path}`);
    for (const [key, value] of Object.entries(spec.query ?? {})) {
      if (value !== undefined && value !== null) url.searchParams.set(key, String(value));
    }
    const headers = new Headers({ Accept: 'application/json', ...call.headers });
    const token = spec.anonymous ? undefined : bearer();
    if (token) headers.set('Authorization', `Bearer ${token}`);
    if (options.region) headers.set('Lifelong-Region', options.region);
    if (spec.body !== undefined) headers.set('Content-Type', spec.contentType ?? 'application/json');
    if (idempotencyKey) headers.set('Idempotency-Key', idempotencyKey);

    const timeoutMs = call.timeoutMs ?? options.timeoutMs;
    const controller = new AbortController();
    const onAbort = () => controller.abort(call.signal?.reason);
    if (call.signal?.aborted) throw call.signal.reason;
    call.signal?.addEventListener('abort', onAbort, { once: true });
    let timedOut = false;
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            controller.abort(new LifelongTimeoutError(timeoutMs));
          }, timeoutMs);
    try {
      const request = new Request(url, {
        method: spec.method,
        headers,
        signal: controller.signal,
        ...(spec.body === undefined
          ? {}
          : { body: spec.contentType ? (spec.body as BodyInit) : JSON.stringify(spec.body) }),
      });
      // Read globalThis.fetch at call time, so mocks installed later (msw) are used.
      const doFetch = options.fetch ?? ((r: Request) => globalThis.fetch(r));
      const response = await doFetch(request);
      if (spec.raw && (response.ok || response.status === 304)) return { response, body: undefined };
      const text = await response.text();
      return { response, body: text ? safeJson(text) : undefined };
    } catch (error) {
      if (timedOut && timeoutMs !== undefined) throw new LifelongTimeoutError(timeoutMs);
      if (call.signal?.aborted) throw call.signal.reason;
      if (error instanceof LifelongError) throw error;
      throw new LifelongNetworkError(error instanceof Error ? error.message : 'Network error', { cause: error });
    } finally {
      if (timer) clearTimeout(timer);
      call.signal?.removeEventListener('abort', onAbort);
    }
  }

  async function withRetries(spec: RequestSpec, call: CallOptions, idempotencyKey: string | undefined) {
    const kind = spec.retry ?? (spec.method === 'GET' ? 'read' : 'none');
    const retries = kind === 'none' ? 0 : retry.max;
    for (let n = 0; ; n++) {
      let delay: number;
      try {
        const answer = await attempt(spec, call, idempotencyKey);
        if (n >= retries || !RETRY_STATUSES.has(answer.response.status)) return answer;
        delay = retryAfterMs(answer.response.headers) ?? backoff(n);
      } catch (error) {
        const transient = error instanceof LifelongNetworkError || error instanceof LifelongTimeoutError;
        if (!transient || n >= retries) throw error;
        delay = backoff(n);
      }
      await sleep(Math.min(delay, retry.maxDelayMs), call.signal);
    }
  }

  function backoff(n: number): number {
    const exp = retry.baseDelayMs * 2 ** n;
    return exp / 2 + Math.random() * (exp / 2);
  }

  /** Exchanges the stored refresh token once for all concurrent callers; false if it could not. */
  function refresh(): Promise<boolean> {
    refreshing ??= (async () => {
      const current = store?.get();
      if (!store || !current) return false;
      const { response, body } = await attempt(
        { method: 'POST', path: options.refreshPath, body: { refreshToken: current.refreshToken }, anonymous: true },
        {},
        undefined,
      ).catch(() => ({ response: undefined, body: undefined }));
      if (!response?.ok) {
        store.set(undefined);
        return false;
      }
      store.set(body as IssuedSession);
      return true;
    })().finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  }

  const request: Requester = async <T>(spec: RequestSpec, call: CallOptions = {}): Promise<T> => {
    const kind = spec.retry ?? (spec.method === 'GET' ? 'read' : 'none');
    const idempotencyKey = kind === 'create' ? (call.idempotencyKey ?? crypto.randomUUID()) : undefined;
    let answer = await withRetries(spec, call, idempotencyKey);
    const canRefresh = !spec.anonymous && Boolean(store?.get()?.refreshToken);
    if (answer.response.status === 401 && canRefresh && (await refresh())) {
      answer = await withRetries(spec, call, idempotencyKey);
    }
    if (spec.raw && answer.response.status === 304) return answer.response as T;
    if (!answer.response.ok) {
      throw new LifelongError(problemFromResponse(answer.response, answer.body), answer.response.headers);
    }
    return (spec.raw ? answer.response : answer.body) as T;
  };

  return { request, store };
}

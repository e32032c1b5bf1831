import { type CoreContracts, coreContracts } from '../contract.js';
import {
  answersWithFile,
  bindContracts,
  bindPluginContracts,
  type CallContract,
  type ClientOf,
  type PluginClientsOf,
  type PluginContracts,
} from '../http/contract-client.js';
import type { RequestOptions, TestResponse } from './index.js';

/** What a test client's call rejects with when the answer is not 2xx: the status and the problem. */
export class TestCallError extends Error {
  constructor(
    readonly status: number,
    // biome-ignore lint/suspicious/noExplicitAny: tests assert on problems with matchers, not types.
    readonly problem: any,
    readonly headers: Headers,
  ) {
    super(`${status} ${problem?.code ?? ''}: ${problem?.detail ?? problem?.title ?? ''}`);
  }
}

/** Per call: extra headers (an `Idempotency-Key`, `Lifelong-Region`, …). */
export interface TestCallOptions {
  headers?: Record<string, string>;
}

export type TestClient<P extends readonly PluginContracts[] = []> = ClientOf<CoreContracts, TestCallOptions> &
  PluginClientsOf<P, TestCallOptions>;

/**
 * A typed in-process client over the same contracts as the SDK: inputs and answers are typed by
 * the route's schemas; a non-2xx answer rejects with `TestCallError` (status and problem).
 */
export function createTestClient<const P extends readonly PluginContracts[] = []>(
  request: (path: string, options?: RequestOptions) => Promise<TestResponse>,
  auth: string | undefined,
  plugins: P = [] as unknown as P,
): TestClient<P> {
  const call: CallContract<TestCallOptions> = async ({ contract, path, query, body, contentType }, options) => {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) if (value !== undefined) search.set(name, String(value));
    const url = search.size > 0 ? `${path}?${search}` : path;
    const headers = { ...options?.headers, ...(contentType ? { 'Content-Type': contentType } : {}) };
    const init: RequestOptions = { method: contract.method.toUpperCase(), headers };
    if (auth) init.auth = auth;
    if (contentType) init.body = body as RequestOptions['body'];
    else if (body !== undefined) init.json = body;
    const res = await request(url, init);
    // A file answer (200, 206, 304) is handed back unread, as the SDK does.
    if (answersWithFile(contract) && res.status < 400) return res;
    const text = await res.text();
    const parsed = text ? JSON.parse(text) : undefined;
    if (res.status >= 300) throw new TestCallError(res.status, parsed, res.headers);
    return parsed;
  };
  return Object.assign(bindContracts(coreContracts, call), bindPluginContracts(plugins, call)) as TestClient<P>;
}

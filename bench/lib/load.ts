// autocannon with progress: the HTTP load generator of every HTTP figure.
import autocannon from 'autocannon';
import { ticker } from './progress.js';

export interface LoadOptions {
  label: string;
  url: string;
  connections: number;
  seconds: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** A fresh path for each request (default: the URL's own path). */
  path?: () => string;
  /** A fresh body for each request. */
  body?: () => string;
}

export interface LoadResult {
  /** Mean requests/s over the run, counting only 2xx answers. */
  okPerSecond: number;
  ok: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

export async function load(options: LoadOptions): Promise<LoadResult> {
  const stop = ticker(options.label, options.seconds);
  try {
    const result = await autocannon({
      url: options.url,
      connections: options.connections,
      duration: options.seconds,
      method: options.method ?? 'GET',
      ...(options.headers ? { headers: options.headers } : {}),
      requests: [
        {
          setupRequest: (request) => ({
            ...request,
            ...(options.path ? { path: options.path() } : {}),
            ...(options.body ? { body: options.body() } : {}),
          }),
        },
      ],
    });
    const ok = result['2xx'];
    return {
      okPerSecond: ok / options.seconds,
      ok,
      p50: result.latency.p50,
      p99: result.latency.p99,
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
    };
  } finally {
    stop();
  }
}

export function describeErrors(r: LoadResult): string {
  return r.non2xx + r.errors === 0 ? 'no errors' : `${r.non2xx} non-2xx, ${r.errors} errors/timeouts`;
}

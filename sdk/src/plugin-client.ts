import type { paginate } from './pagination.js';
import type { CallOptions, Query, RetryKind } from './transport.js';

/** What a plugin client's factory gets: requests relative to the plugin's prefix `/v1/<id>`. */
export interface PluginRequest {
  <T>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    init?: { query?: Query; body?: unknown; retry?: RetryKind },
    options?: CallOptions,
  ): Promise<T>;
  /** Builds a list over a `?limit=&cursor=` route. */
  paginate: typeof paginate;
}

export interface PluginClient<Id extends string = string, Api = unknown> {
  readonly id: Id;
  readonly create: (request: PluginRequest) => Api;
}

/**
 * Declares a typed client for a plugin's routes, shipped by the plugin's authors.
 *
 * @example
 * export const readingClubClient = definePluginClient('reading-club', (request) => ({
 *   createClub: (body: { name: string }) => request<Club>('POST', '/clubs', { body, retry: 'create' }),
 * }));
 * const client = createClient({ baseUrl, plugins: [readingClubClient] });
 * await client.plugins['reading-club'].createClub({ name: 'Tuesday readers' });
 */
export function definePluginClient<const Id extends string, Api>(
  id: Id,
  create: (request: PluginRequest) => Api,
): PluginClient<Id, Api> {
  return { id, create };
}

/** `{ [id]: api }` for a list of plugin clients. */
export type PluginApis<P extends readonly PluginClient[]> = {
  [C in P[number] as C['id']]: ReturnType<C['create']>;
};

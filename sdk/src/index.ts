export { type ClientOptions, createClient, type LifelongClient, type RawRequest } from './client.js';
export { LifelongError, LifelongNetworkError, LifelongTimeoutError, type Problem } from './errors.js';
export { type Paginated, paginate } from './pagination.js';
export { definePluginClient, type PluginApis, type PluginClient, type PluginRequest } from './plugin-client.js';
export {
  type Auth,
  type CallOptions,
  createSessionStore,
  type Query,
  type RetryKind,
  type RetryOptions,
  type SessionStore,
} from './transport.js';
export type * from './types.js';

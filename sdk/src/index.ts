// Plugin authors declare their client modules with the SDK's own builder (bundled from core).
export {
  type ClientOf,
  type ContractMethod,
  definePluginClient,
  type FileInput,
  type InputOf,
  type ListMethods,
  type OutputOf,
  type PluginContracts,
} from '@lifelong/core/contract';
export {
  type ClientOptions,
  createClient,
  type LifelongClient,
  type RawRequest,
  type SessionMethods,
} from './client.js';
export { LifelongError, LifelongNetworkError, LifelongTimeoutError, type Problem } from './errors.js';
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

import type { Principal } from '../identity/principal.js';

/** Variables every request carries through the middleware chain. */
export interface AppVariables {
  requestId: string;
  principal: Principal;
  /** A plugin route's configuration for the request's region (set by the plugin runtime). */
  pluginConfig: Record<string, unknown>;
}

export interface AppEnv {
  Variables: AppVariables;
}

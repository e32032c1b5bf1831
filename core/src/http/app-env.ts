import type { Logger } from 'pino';
import type { Principal } from '../identity/principal.js';

/** Variables every request carries through the middleware chain. */
export interface AppVariables {
  requestId: string;
  principal: Principal;
  logger: Logger;
}

export interface AppEnv {
  Variables: AppVariables;
}

import type { AnyRoute } from '../http/route.js';
import type { IdentityContext } from '../identity/context.js';

/** Group routes (family, school, collective, interest): being built. */
export function groupRoutes(_identity: () => IdentityContext): AnyRoute[] {
  return [];
}

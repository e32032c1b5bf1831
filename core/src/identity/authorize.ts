import type { Principal } from './principal.js';

/**
 * The one authorization decision every route goes through.
 *
 * Today it knows a single role, `platform-admin`, which may do everything; the identity module
 * adds roles, their permissions and scopes behind this same signature.
 */
export function isAllowed(principal: Principal, _permission: string): boolean {
  if (principal.kind === 'anonymous') return false;
  return principal.roles.some((grant) => grant.role === 'platform-admin' && grant.scope.type === 'platform');
}

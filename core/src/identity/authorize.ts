import { Forbidden } from '../errors/core-errors.js';
import type { Principal, RoleGrant, Scope } from './principal.js';
import type { Role } from './roles.js';

/** What an action touches, for matching scoped grants: a region admin of `beijing` acts on `beijing`. */
export interface Target {
  regionId?: string;
  institutionId?: string;
  groupId?: string;
}

function covers(scope: Scope, target: Target | undefined): boolean {
  if (scope.type === 'platform') return true;
  // Without a target the question is "anywhere?" (a route's coarse gate): any scope answers it.
  if (!target) return true;
  if (scope.type === 'region') return target.regionId === scope.id;
  if (scope.type === 'institution') return target.institutionId === scope.id;
  return target.groupId === scope.id;
}

function grantHas(grant: RoleGrant, permission: string): boolean {
  return grant.permissions.includes('*') || grant.permissions.includes(permission);
}

/**
 * The target of an action on the platform as a whole (regions, cross-region event deliveries):
 * an empty target, which only platform-scoped grants cover.
 */
export const PLATFORM_WIDE: Target = Object.freeze({});

/**
 * The one authorization decision every route goes through: does `principal` hold `permission`
 * through a grant whose scope covers `target`? Without `target`: in any scope at all.
 */
export function isAllowed(principal: Principal, permission: string, target?: Target): boolean {
  if (principal.kind === 'anonymous') return false;
  return principal.roles.some((grant) => grantHas(grant, permission) && covers(grant.scope, target));
}

/** Throws 403 unless `isAllowed`. */
export function requirePermission(principal: Principal, permission: string, target?: Target): void {
  if (!isAllowed(principal, permission, target)) {
    throw Forbidden({ detail: `This requires the permission "${permission}" for this resource.` });
  }
}

export function isPlatformAdmin(principal: Principal): boolean {
  return (
    principal.kind !== 'anonymous' &&
    principal.roles.some((grant) => grant.role === 'platform-admin' && grant.scope.type === 'platform')
  );
}

/** Regions in which the principal holds `role` (platform scope: `'*'`). */
export function regionsWhereRole(principal: Principal, role: Role): Set<string> {
  const regions = new Set<string>();
  if (principal.kind === 'anonymous') return regions;
  for (const grant of principal.roles) {
    if (grant.role !== role && grant.role !== 'platform-admin') continue;
    if (grant.scope.type === 'platform') regions.add('*');
    else if (grant.scope.type === 'region') regions.add(grant.scope.id);
  }
  return regions;
}

import type { Me } from '@lifelong/sdk';

/**
 * The regions whose issuer key this person may rotate: `credentials.keys.rotate` is held by
 * region admins, in their region (the contract's `access: { permission: 'keys.rotate' }`).
 */
export const issuerRegions = (me: Me): string[] =>
  me.roles
    .filter((grant) => grant.role === 'region-admin' && grant.scope.type === 'region' && grant.scope.id)
    .map((grant) => grant.scope.id as string);

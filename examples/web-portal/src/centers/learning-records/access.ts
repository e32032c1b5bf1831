import type { Me } from '@lifelong/sdk';

/**
 * Who manages LRS credentials (`learning-records.credentials.manage`): an institution's `issuer`
 * staff for that institution, and a region's admins for the region's institutions.
 */
export const issuerInstitutions = (me: Me): string[] =>
  me.roles
    .filter((grant) => grant.role === 'issuer' && grant.scope.type === 'institution' && grant.scope.id)
    .map((grant) => grant.scope.id as string);

export const adminRegions = (me: Me): string[] =>
  me.roles
    .filter((grant) => grant.role === 'region-admin' && grant.scope.type === 'region' && grant.scope.id)
    .map((grant) => grant.scope.id as string);

export const managesCredentials = (me: Me): boolean => issuerInstitutions(me).length > 0 || adminRegions(me).length > 0;

import type { Me } from '@lifelong/sdk';

/** A scope of the quality tree, as the pages walk it. */
export interface ScopeRef {
  scopeType: 'region' | 'institution' | 'programme' | 'course' | 'teacher';
  scopeId: string;
  /** What to call it; empty for the region and institutions until their names are known. */
  name: string;
}

/** Whether the person reads quality figures: a region admin, an institution's registrar, a teacher. */
export const readsQuality = (me: Me): boolean =>
  me.roles.some((grant) => ['region-admin', 'registrar', 'teacher'].includes(grant.role));

/** Whether the person manages scopes (records data, sets targets, plans actions): region admins, registrars. */
export const managesQuality = (me: Me): boolean =>
  me.roles.some((grant) => grant.role === 'region-admin' || grant.role === 'registrar');

/** Whether the person chooses the region's indicator packs (region admins). */
export const managesLibrary = (me: Me, regionId: string): boolean =>
  me.roles.some((grant) => grant.role === 'region-admin' && (!grant.scope.id || grant.scope.id === regionId));

/**
 * Where a person's dashboards start: the region for its admins, each institution they are a
 * registrar of, and their own teacher scope for a teacher.
 */
export function rootScopes(me: Me, regionId: string): ScopeRef[] {
  const roots: ScopeRef[] = [];
  if (managesLibrary(me, regionId)) roots.push({ scopeType: 'region', scopeId: regionId, name: '' });
  for (const grant of me.roles) {
    if (grant.role === 'registrar' && grant.scope.type === 'institution' && grant.scope.id) {
      if (!roots.some((r) => r.scopeId === grant.scope.id))
        roots.push({ scopeType: 'institution', scopeId: grant.scope.id, name: '' });
    }
  }
  if (me.roles.some((grant) => grant.role === 'teacher'))
    roots.push({ scopeType: 'teacher', scopeId: me.id, name: me.person?.displayName ?? me.person?.legalName ?? '' });
  return roots;
}

import { isAllowed } from '../identity/authorize.js';
import type { AuthenticatedPrincipal } from '../identity/principal.js';
import type { AccountOwner } from './types.js';

/**
 * Who may see whose accounts. Injectable: identity plugs in guardianship (a guardian reads a
 * minor's accounts) and richer roles without the ledger knowing about them.
 */
export interface LedgerAccessPolicy {
  canReadOwner(principal: AuthenticatedPrincipal, owner: AccountOwner): boolean | Promise<boolean>;
}

/**
 * Default: holders of `ledger.accounts.read` see everything; a person sees their own accounts;
 * an institution's API key its institution's; a `region-admin` its region's.
 */
export const defaultLedgerAccessPolicy: LedgerAccessPolicy = {
  canReadOwner(principal, owner) {
    if (isAllowed(principal, 'ledger.accounts.read')) return true;
    if (owner.id === null) return false;
    if (principal.kind === 'person' && owner.type === 'person' && owner.id === principal.id) return true;
    if (principal.kind === 'apiKey' && owner.type === 'institution' && principal.institutionId === owner.id) {
      return true;
    }
    return principal.roles.some(
      (grant) =>
        grant.role === 'region-admin' &&
        grant.scope.type === 'region' &&
        owner.type === 'region' &&
        grant.scope.id === owner.id,
    );
  },
};

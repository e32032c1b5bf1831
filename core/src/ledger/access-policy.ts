import type { AuthenticatedPrincipal } from '../identity/principal.js';
import type { AccountOwner } from './types.js';

/**
 * Who may see whose accounts. Injected, so the ledger knows nothing of people, guardians, groups
 * or institutions: the platform passes `identityLedgerAccess` (identity-access-policy.ts).
 */
export interface LedgerAccessPolicy {
  canReadOwner(principal: AuthenticatedPrincipal, owner: AccountOwner): boolean | Promise<boolean>;
}

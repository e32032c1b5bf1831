import { eq } from 'drizzle-orm';
import type { FieldError } from '../errors/lifelong-error.js';
import { groups } from '../groups/schema.js';
import { memberRole } from '../groups/service.js';
import { isAllowed, isPlatformAdmin } from '../identity/authorize.js';
import type { IdentityContext } from '../identity/context.js';
import { isGuardianOf } from '../identity/guardians.js';
import { findPersonById } from '../identity/people-service.js';
import { institutions, isTombstone } from '../identity/schema.js';
import { isUuid } from '../ids/uuid.js';
import { regions } from '../regions/schema.js';
import type { LedgerAccessPolicy } from './access-policy.js';
import type { AccountOwner } from './types.js';

/**
 * Who may read whose accounts, knowing people, guardians, groups and institutions:
 * - a person their own accounts and, while they are minors, their wards' (as guardian);
 * - a group's members the group's accounts (pools are visible to every member);
 * - an institution's API keys the institution's accounts;
 * - holders of `ledger.accounts.read` the accounts of owners in their scope (a region admin: the
 *   people, groups, institutions and the region account of that region);
 * - platform admins every account.
 */
export function identityLedgerAccess(identity: () => IdentityContext): LedgerAccessPolicy {
  const canRead = (principal: Parameters<LedgerAccessPolicy['canReadOwner']>[0], regionId: string | undefined) =>
    regionId !== undefined && isAllowed(principal, 'ledger.accounts.read', { regionId });
  return {
    async canReadOwner(principal, owner) {
      if (isPlatformAdmin(principal)) return true;
      if (owner.id === null) return false;
      if (['person', 'group', 'institution'].includes(owner.type) && !isUuid(owner.id)) return false;
      const ctx = identity();
      const { db } = ctx;
      switch (owner.type) {
        case 'person': {
          if (principal.kind === 'person') {
            if (principal.id === owner.id || (await isGuardianOf(ctx, db, principal.id, owner.id))) return true;
          }
          return canRead(principal, (await findPersonById(db, owner.id))?.regionId);
        }
        case 'group': {
          if (principal.kind === 'person' && (await memberRole(db, owner.id, principal.id))) return true;
          const [group] = await db.select({ regionId: groups.regionId }).from(groups).where(eq(groups.id, owner.id));
          return canRead(principal, group?.regionId);
        }
        case 'institution': {
          if (principal.kind === 'apiKey' && principal.institutionId === owner.id) return true;
          if (isAllowed(principal, 'ledger.accounts.read', { institutionId: owner.id })) return true;
          const [row] = await db
            .select({ regionId: institutions.regionId })
            .from(institutions)
            .where(eq(institutions.id, owner.id));
          return canRead(principal, row?.regionId);
        }
        case 'region':
          return canRead(principal, owner.id);
        default:
          return false;
      }
    },
  };
}

/**
 * Checks that an account's owner exists before the account is opened: people (active; for the
 * lifetime `CREDIT` asset, verified, since credits are awarded to verified people only: not
 * unverified, rejected or revoked), groups,
 * institutions and regions by id; plugins by a plugin-id-shaped name. Returns the field error, or
 * null when the owner is fine.
 */
export function identityOwnerCheck(identity: () => IdentityContext) {
  return async (owner: AccountOwner, asset: string): Promise<FieldError | null> => {
    const missing = (message: string): FieldError => ({ path: '/body/owner/id', rule: 'ownerExists', message });
    if (owner.type === 'platform') return null;
    const id = owner.id ?? '';
    if (owner.type === 'plugin') {
      return /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(id) ? null : missing('Not a plugin id');
    }
    const { db } = identity();
    if (owner.type === 'region') {
      const [row] = await db.select({ id: regions.id }).from(regions).where(eq(regions.id, id));
      return row ? null : missing('No such region');
    }
    if (!isUuid(id)) return missing('Expected the UUID of the owner');
    if (owner.type === 'person') {
      const person = await findPersonById(db, id);
      if (!person || isTombstone(person.status)) return missing('No such person');
      if (asset === 'CREDIT' && person.status !== 'verified') {
        return {
          path: '/body/owner/id',
          rule: 'verifiedPerson',
          message: 'Lifetime credits are held by verified people only',
        };
      }
      return null;
    }
    const table = owner.type === 'group' ? groups : institutions;
    const [row] = await db.select({ id: table.id }).from(table).where(eq(table.id, id));
    return row ? null : missing(`No such ${owner.type}`);
  };
}

import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { isManager } from '../groups/roles.js';
import { groupMembers, groups } from '../groups/schema.js';
import type { IdentityContext } from '../identity/context.js';
import { isGuardianOf } from '../identity/guardians.js';
import { institutions } from '../identity/schema.js';
import { isUuid } from '../ids/uuid.js';
import type { OwnerDirectory } from './policy.js';

/**
 * The ledger policy's questions answered from identity and groups, read through `q` (the
 * caller's transaction for plugins), at the time of asking: a guardianship counts only while the
 * ward is a minor, an institution only while it is accredited.
 */
export function identityOwnerDirectory(identity: () => IdentityContext, q: Queryable): OwnerDirectory {
  return {
    isGuardianOfMinor: (guardianId, personId) => isGuardianOf(identity(), q, guardianId, personId),
    async managesGroup(personId, groupId) {
      if (!isUuid(personId) || !isUuid(groupId)) return false;
      const [row] = await q
        .select({ type: groups.type, role: groupMembers.role })
        .from(groupMembers)
        .innerJoin(groups, eq(groups.id, groupMembers.groupId))
        .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.personId, personId)))
        .limit(1);
      return !!row && isManager(row.type, row.role);
    },
    async isAccredited(institutionId) {
      if (!isUuid(institutionId)) return false;
      const [row] = await q
        .select({ accreditation: institutions.accreditation })
        .from(institutions)
        .where(eq(institutions.id, institutionId))
        .limit(1);
      return row?.accreditation === 'accredited';
    },
  };
}

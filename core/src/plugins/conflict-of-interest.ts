import { and, eq, inArray, isNull, notInArray, or } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import type { Principal } from '../identity/principal.js';
import { guardianships, roleGrants } from '../identity/schema.js';
import { isUuid } from '../ids/uuid.js';
import { ConflictOfInterestError } from './errors.js';

/**
 * Roles that make a person a member of an institution, not someone acting for it: a school's own
 * students may take its courses and earn its credits; its teachers, issuers and admins may not.
 */
const MEMBER_ROLES = ['learner', 'guardian'];

/** Who owns the thing being earned from, rated, reviewed or recognised. */
export interface Owners {
  personIds?: readonly string[];
  institutionIds?: readonly string[];
}

/**
 * Why a person may not act on something owned by `owners`:
 * `self` — they own it; `guardian` — they are (or were) a guardian of an owner; `ward` — an owner
 * is (or was) their guardian; `institution` — they hold a role in an owning institution (or, for an
 * API key, belong to it).
 */
export interface ConflictOfInterest {
  rule: 'self' | 'guardian' | 'ward' | 'institution';
  ownerId: string;
}

/**
 * The one self-dealing rule of the platform (docs/plugins.md). Guardianship counts after the
 * ward comes of age too: the row is kept as history exactly so that a parent never reviews their
 * grown child's certificate. An institution's learners are not in conflict with it, its staff are.
 */
export async function conflictOfInterest(
  db: Queryable,
  personId: string,
  owners: Owners,
): Promise<ConflictOfInterest | null> {
  const people = (owners.personIds ?? []).filter(isUuid);
  const institutions = (owners.institutionIds ?? []).filter(isUuid);
  if (people.includes(personId)) return { rule: 'self', ownerId: personId };
  if (!isUuid(personId)) return null;
  if (people.length > 0) {
    const [related] = await db
      .select({ guardianId: guardianships.guardianId, minorId: guardianships.minorId })
      .from(guardianships)
      .where(
        or(
          and(eq(guardianships.guardianId, personId), inArray(guardianships.minorId, people)),
          and(eq(guardianships.minorId, personId), inArray(guardianships.guardianId, people)),
        ),
      )
      .limit(1);
    if (related) {
      return related.guardianId === personId
        ? { rule: 'guardian', ownerId: related.minorId }
        : { rule: 'ward', ownerId: related.guardianId };
    }
  }
  if (institutions.length > 0) {
    const [grant] = await db
      .select({ scopeId: roleGrants.scopeId })
      .from(roleGrants)
      .where(
        and(
          eq(roleGrants.personId, personId),
          eq(roleGrants.scopeType, 'institution'),
          inArray(roleGrants.scopeId, institutions),
          notInArray(roleGrants.role, MEMBER_ROLES),
          isNull(roleGrants.revokedAt),
        ),
      )
      .limit(1);
    if (grant?.scopeId) return { rule: 'institution', ownerId: grant.scopeId };
  }
  return null;
}

/** An API key acts for its institution: it may not deal with what that institution owns. */
export function apiKeyConflict(principal: Principal, owners: Owners): ConflictOfInterest | null {
  if (principal.kind !== 'apiKey' || !principal.institutionId) return null;
  return owners.institutionIds?.includes(principal.institutionId)
    ? { rule: 'institution', ownerId: principal.institutionId }
    : null;
}

const RULE_DETAIL: Record<ConflictOfInterest['rule'], string> = {
  self: 'it is yours',
  guardian: 'you are a guardian of its owner',
  ward: 'its owner is your guardian',
  institution: 'you act for the institution that owns it',
};

export function conflictProblem(action: string, conflict: ConflictOfInterest) {
  return ConflictOfInterestError({
    detail: `You may not ${action}: ${RULE_DETAIL[conflict.rule]}.`,
    extensions: { rule: conflict.rule, action },
  });
}

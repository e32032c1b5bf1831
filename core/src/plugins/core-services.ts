import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { groupMembers, groups } from '../groups/schema.js';
import { isAllowed } from '../identity/authorize.js';
import type { IdentityContext } from '../identity/context.js';
import { guardiansOf, isGuardianOf, isMinor } from '../identity/guardians.js';
import { findPerson, findPersonById, type PersonRow } from '../identity/people-service.js';
import type { Principal } from '../identity/principal.js';
import { institutions, isTombstone, people } from '../identity/schema.js';
import { isUuid } from '../ids/uuid.js';
import { type ConflictOfInterest, conflictOfInterest, type Owners } from './conflict-of-interest.js';

/** What plugins see of a person: never the national ID or other personal details beyond these. */
export interface PersonSummary {
  id: string;
  learnerNumber: string;
  /**
   * Only `verified` people may receive lifetime credits or anything else that rests on a verified
   * identity; `rejected` (the identity check failed) and `revoked` (a verification withdrawn)
   * are not verified, exactly like `unverified`.
   */
  status: 'unverified' | 'verified' | 'rejected' | 'revoked';
  regionId: string;
  isMinor: boolean;
  /** The name the person chose to be shown by, or null: never fall back to the legal name. */
  displayName: string | null;
}

/**
 * How a person is named to a viewer: always the display name they chose (or null), and the legal
 * name only to a viewer who may read people in the person's region (`people.read`: registrars,
 * region admins, issuers).
 */
export interface PersonName {
  displayName: string | null;
  legalName?: string;
}

/** What plugins see of an institution (a school, a provider, a publisher). */
export interface InstitutionSummary {
  id: string;
  name: string;
  kind: 'school' | 'university' | 'training-provider' | 'company' | 'publisher' | 'government';
  regionId: string;
  accreditation: 'pending' | 'accredited' | 'suspended';
}

/** What plugins see of a group (a family, a class, a collective). */
export interface GroupSummary {
  id: string;
  type: 'family' | 'school' | 'collective' | 'interest';
  name: string;
  regionId: string;
}

/** A member of a group and their role in it (family: `elder`, `parent`, `child`; see docs/groups.md). */
export interface GroupMember {
  personId: string;
  role: string;
}

/** Core identity, as plugins use it (read-only, inside the caller's transaction). */
export interface PluginIdentity {
  /** An active person by learner number; null when unknown or merged. */
  person(learnerNumber: string): Promise<PersonSummary | null>;
  personById(id: string): Promise<PersonSummary | null>;
  /**
   * Names for many people at once (a listing, an export), keyed by person id; unknown and merged
   * ids are absent. Display names only, unless `legalNames: true`: then also the legal name of
   * each person the request's caller may read (`people.read` in the person's region). The core
   * takes the caller from the request itself, so a plugin cannot ask in someone else's name, and
   * outside a request (a job) there is no caller and no legal name.
   *
   * @example
   * const names = await ctx.identity.names(rows.map((r) => r.personId), { legalNames: true });
   */
  names(personIds: readonly string[], options?: { legalNames?: boolean }): Promise<Map<string, PersonName>>;
  /** True while `minorId` is a minor and `guardianId` their guardian: false from the 18th birthday on. */
  isGuardianOf(guardianId: string, minorId: string): Promise<boolean>;
  /** The ids of a person's current guardians (none for an adult or an unknown id), to notify them. */
  guardiansOf(personId: string): Promise<string[]>;
  /** An institution by id; null when unknown (also for a malformed id). */
  institution(id: string): Promise<InstitutionSummary | null>;
  /** A group by id; null when unknown (also for a malformed id). */
  group(id: string): Promise<GroupSummary | null>;
  /** The person's role in the group, or null when they are not a member. */
  groupRole(groupId: string, personId: string): Promise<string | null>;
  /** A group's members in a stable order, a page at a time (`after` is the last person id seen). */
  groupMembers(groupId: string, page?: { limit?: number; after?: string }): Promise<GroupMember[]>;
  /** Why `personId` may not deal with something `owners` own, or null (see `ConflictOfInterest`). */
  conflictOfInterest(personId: string, owners: Owners): Promise<ConflictOfInterest | null>;
}

/**
 * Builds the identity facade. `asCore` runs a query as the platform's own role inside the
 * plugin's transaction (plugin roles cannot read core tables directly).
 */
export function pluginIdentity(
  identity: () => IdentityContext,
  asCore: <T>(fn: (db: Queryable) => Promise<T>) => Promise<T>,
  caller: () => Principal | undefined,
): PluginIdentity {
  const summary = (row: PersonRow | null): PersonSummary | null =>
    row && !isTombstone(row.status)
      ? {
          id: row.id,
          learnerNumber: row.learnerNumber,
          status: row.status,
          regionId: row.regionId,
          isMinor: isMinor(identity(), row.dateOfBirth),
          displayName: row.displayName,
        }
      : null;
  return {
    person: (learnerNumber) => asCore(async (db) => summary(await findPerson(db, learnerNumber))),
    personById: (id) => asCore(async (db) => summary(await findPersonById(db, id))),
    names: async (personIds, options = {}) => {
      const viewer = options.legalNames ? caller() : undefined;
      const ids = [...new Set(personIds)].filter(isUuid);
      const named = new Map<string, PersonName>();
      if (ids.length === 0) return named;
      // In chunks: an export may name tens of thousands, and a parameter list has a limit.
      const rows = [];
      for (let start = 0; start < ids.length; start += 1000) {
        const chunk = ids.slice(start, start + 1000);
        rows.push(
          ...(await asCore((db) =>
            db
              .select({
                id: people.id,
                displayName: people.displayName,
                legalName: people.legalName,
                regionId: people.regionId,
                status: people.status,
              })
              .from(people)
              .where(inArray(people.id, chunk)),
          )),
        );
      }
      for (const row of rows) {
        if (isTombstone(row.status)) continue;
        const legal = viewer && isAllowed(viewer, 'people.read', { regionId: row.regionId });
        named.set(row.id, { displayName: row.displayName, ...(legal ? { legalName: row.legalName } : {}) });
      }
      return named;
    },
    isGuardianOf: (guardianId, minorId) =>
      isUuid(guardianId) && isUuid(minorId)
        ? asCore((db) => isGuardianOf(identity(), db, guardianId, minorId))
        : Promise.resolve(false),
    guardiansOf: (personId) =>
      isUuid(personId) ? asCore((db) => guardiansOf(identity(), db, personId)) : Promise.resolve([]),
    institution: (id) =>
      isUuid(id)
        ? asCore(async (db) => {
            const [row] = await db
              .select({
                id: institutions.id,
                name: institutions.name,
                kind: institutions.kind,
                regionId: institutions.regionId,
                accreditation: institutions.accreditation,
              })
              .from(institutions)
              .where(eq(institutions.id, id))
              .limit(1);
            return row ?? null;
          })
        : Promise.resolve(null),
    group: (id) =>
      isUuid(id)
        ? asCore(async (db) => {
            const [row] = await db
              .select({ id: groups.id, type: groups.type, name: groups.name, regionId: groups.regionId })
              .from(groups)
              .where(eq(groups.id, id))
              .limit(1);
            return row ?? null;
          })
        : Promise.resolve(null),
    groupRole: (groupId, personId) =>
      isUuid(groupId) && isUuid(personId)
        ? asCore(async (db) => {
            const [row] = await db
              .select({ role: groupMembers.role })
              .from(groupMembers)
              .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.personId, personId)))
              .limit(1);
            return row?.role ?? null;
          })
        : Promise.resolve(null),
    groupMembers: (groupId, page = {}) =>
      isUuid(groupId)
        ? asCore((db) =>
            db
              .select({ personId: groupMembers.personId, role: groupMembers.role })
              .from(groupMembers)
              .where(
                and(
                  eq(groupMembers.groupId, groupId),
                  page.after && isUuid(page.after) ? gt(groupMembers.personId, page.after) : undefined,
                ),
              )
              .orderBy(asc(groupMembers.personId))
              .limit(Math.min(Math.max(page.limit ?? 500, 1), 1000)),
          )
        : Promise.resolve([]),
    conflictOfInterest: (personId, owners) => asCore((db) => conflictOfInterest(db, personId, owners)),
  };
}

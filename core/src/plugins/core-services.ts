import type { Queryable } from '../db/database.js';
import type { IdentityContext } from '../identity/context.js';
import { findPerson, findPersonById, isGuardianOf, isMinor, type PersonRow } from '../identity/people-service.js';

/** What plugins see of a person: never the national ID or other personal details beyond these. */
export interface PersonSummary {
  id: string;
  learnerNumber: string;
  status: 'unverified' | 'verified';
  regionId: string;
  isMinor: boolean;
}

/** Core identity, as plugins use it (read-only, inside the caller's transaction). */
export interface PluginIdentity {
  /** An active person by learner number; null when unknown or merged. */
  person(learnerNumber: string): Promise<PersonSummary | null>;
  personById(id: string): Promise<PersonSummary | null>;
  isGuardianOf(guardianId: string, minorId: string): Promise<boolean>;
}

/**
 * Builds the identity facade. `asCore` runs a query as the platform's own role inside the
 * plugin's transaction (plugin roles cannot read core tables directly).
 */
export function pluginIdentity(
  identity: () => IdentityContext,
  asCore: <T>(fn: (db: Queryable) => Promise<T>) => Promise<T>,
): PluginIdentity {
  const summary = (row: PersonRow | null): PersonSummary | null =>
    row && row.status !== 'merged'
      ? {
          id: row.id,
          learnerNumber: row.learnerNumber,
          status: row.status === 'verified' ? 'verified' : 'unverified',
          regionId: row.regionId,
          isMinor: isMinor(identity(), row.dateOfBirth),
        }
      : null;
  return {
    person: (learnerNumber) => asCore(async (db) => summary(await findPerson(db, learnerNumber))),
    personById: (id) => asCore(async (db) => summary(await findPersonById(db, id))),
    isGuardianOf: (guardianId, minorId) => asCore((db) => isGuardianOf(db, guardianId, minorId)),
  };
}

import { and, asc, eq, or } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { ageOn } from '../time/dates.js';
import type { IdentityContext } from './context.js';
import { guardianships, isTombstone, people } from './schema.js';

/** The clock and the age of majority: all that "is this person a minor now?" needs. */
export type MinorClock = Pick<IdentityContext, 'now' | 'settings'>;

/** False for an erased person (no date of birth left): nobody is their guardian any more. */
export function isMinor(ctx: MinorClock, dateOfBirth: string | null): boolean {
  return dateOfBirth !== null && ageOn(dateOfBirth, ctx.now()) < ctx.settings.minorAgeYears;
}

/**
 * The one answer to "is X the guardian of Y now?": a guardianship row exists and Y is still a
 * minor by the platform clock. Guardianship ends at majority without anyone touching the row, so
 * every caller (people, groups, the ledger, plugins) loses a guardian's powers on the 18th
 * birthday at the same instant; the row stays as history (and for conflict-of-interest checks).
 */
export async function isGuardianOf(
  ctx: MinorClock,
  db: Queryable,
  guardianId: string,
  minorId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ dateOfBirth: people.dateOfBirth })
    .from(guardianships)
    .innerJoin(people, eq(people.id, guardianships.minorId))
    .where(and(eq(guardianships.guardianId, guardianId), eq(guardianships.minorId, minorId)))
    .limit(1);
  return row !== undefined && isMinor(ctx, row.dateOfBirth);
}

/** The current guardians of a person, in id order: none once they are an adult. */
export async function guardiansOf(ctx: MinorClock, db: Queryable, minorId: string): Promise<string[]> {
  const rows = await db
    .select({ guardianId: guardianships.guardianId, dateOfBirth: people.dateOfBirth })
    .from(guardianships)
    .innerJoin(people, eq(people.id, guardianships.minorId))
    .where(eq(guardianships.minorId, minorId))
    .orderBy(asc(guardianships.guardianId));
  return rows.filter((row) => isMinor(ctx, row.dateOfBirth)).map((row) => row.guardianId);
}

/**
 * True when either person is or ever was the other's guardian. Used for four-eyes rules, where a
 * parent stays conflicted after their child comes of age.
 */
export async function linkedByGuardianship(db: Queryable, a: string, b: string): Promise<boolean> {
  const [row] = await db
    .select({ minorId: guardianships.minorId })
    .from(guardianships)
    .where(
      or(
        and(eq(guardianships.minorId, a), eq(guardianships.guardianId, b)),
        and(eq(guardianships.minorId, b), eq(guardianships.guardianId, a)),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** The minors a person is a guardian of now, by legal name (none once each comes of age). */
export async function childrenOf(
  ctx: MinorClock,
  db: Queryable,
  guardianId: string,
): Promise<(typeof people.$inferSelect)[]> {
  const rows = await db
    .select({ person: people })
    .from(guardianships)
    .innerJoin(people, eq(people.id, guardianships.minorId))
    .where(eq(guardianships.guardianId, guardianId))
    .orderBy(asc(people.legalName), asc(people.id));
  return rows
    .map((row) => row.person)
    .filter((person) => !isTombstone(person.status) && isMinor(ctx, person.dateOfBirth));
}

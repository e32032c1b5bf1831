import { type Queryable, uuidv7 } from '@lifelong/core';
import { and, asc, desc, eq } from 'drizzle-orm';
import { iso } from '../context.js';
import { qualityScores, teachers } from '../shared/tables.js';
import { type RecommendationListRow, recommendationEntries, recommendationLists } from './schema.js';
import type { RecommendationList } from './schemas.js';

// Recommendation lists and their entries: queries and row → response mapping.

export async function listView(db: Queryable, row: RecommendationListRow): Promise<RecommendationList> {
  const entries = await entriesOf(db, row.id);
  return {
    id: row.id,
    regionId: row.regionId,
    event: row.event,
    state: row.state,
    proposedAt: row.proposedAt.toISOString(),
    confirmedAt: iso(row.confirmedAt),
    entries: entries.map((e) => ({
      teacherId: e.teacherId,
      personId: e.personId,
      // Named by the service, as the caller may see the person (`ctx.identity.names`).
      displayName: null,
      rank: e.rank,
      score: e.scoreBps / 100,
      confirmed: e.confirmed,
    })),
  };
}

export async function entriesOf(db: Queryable, listId: string) {
  return db
    .select()
    .from(recommendationEntries)
    .where(eq(recommendationEntries.listId, listId))
    .orderBy(asc(recommendationEntries.rank));
}

export async function listRow(db: Queryable, listId: string, regionId: string, lock = false) {
  const query = db
    .select()
    .from(recommendationLists)
    .where(and(eq(recommendationLists.id, listId), eq(recommendationLists.regionId, regionId)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/** The region's quality database, best first, with each teacher's person id. */
export async function databaseMembers(db: Queryable, regionId: string) {
  return db
    .select({ teacherId: qualityScores.teacherId, scoreBps: qualityScores.scoreBps, personId: teachers.personId })
    .from(qualityScores)
    .innerJoin(teachers, eq(teachers.id, qualityScores.teacherId))
    .where(and(eq(qualityScores.regionId, regionId), eq(qualityScores.inDatabase, true)))
    .orderBy(desc(qualityScores.scoreBps), asc(qualityScores.teacherId));
}

/** A proposed list with its entries ranked in the given order. */
export async function insertList(
  db: Queryable,
  input: { regionId: string; event: string; at: Date },
  chosen: { teacherId: string; personId: string; scoreBps: number }[],
) {
  const [list] = await db
    .insert(recommendationLists)
    .values({ id: uuidv7(), regionId: input.regionId, event: input.event, state: 'proposed', proposedAt: input.at })
    .returning();
  if (!list) throw new Error('insert returned no row');
  if (chosen.length > 0) {
    await db
      .insert(recommendationEntries)
      .values(chosen.map((m, i) => ({ listId: list.id, ...m, rank: i + 1, confirmed: false })));
  }
  return list;
}

export async function setEntryConfirmed(db: Queryable, listId: string, teacherId: string, confirmed: boolean) {
  await db
    .update(recommendationEntries)
    .set({ confirmed })
    .where(and(eq(recommendationEntries.listId, listId), eq(recommendationEntries.teacherId, teacherId)));
}

export async function markConfirmed(db: Queryable, listId: string, at: Date, by: string | null) {
  const [confirmed] = await db
    .update(recommendationLists)
    .set({ state: 'confirmed', confirmedAt: at, confirmedBy: by })
    .where(eq(recommendationLists.id, listId))
    .returning();
  if (!confirmed) throw new Error('update returned no row');
  return confirmed;
}

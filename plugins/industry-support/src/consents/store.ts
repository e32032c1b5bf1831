import type { Queryable } from '@lifelong/core';
import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import { type ConsentRow, consents, matchSnapshots } from './schema.js';

export const consentView = (row: ConsentRow) => ({
  needId: row.needId,
  status: row.status,
  givenAt: row.givenAt.toISOString(),
  withdrawnAt: row.withdrawnAt ? row.withdrawnAt.toISOString() : null,
});

export async function consentOf(db: Queryable, personId: string, needId: string) {
  const [row] = await db
    .select()
    .from(consents)
    .where(and(eq(consents.personId, personId), eq(consents.needId, needId)));
  return row ?? null;
}

export async function activate(db: Queryable, personId: string, needId: string, at: Date) {
  const [row] = await db
    .insert(consents)
    .values({ personId, needId, status: 'active', givenAt: at, withdrawnAt: null })
    .onConflictDoUpdate({
      target: [consents.personId, consents.needId],
      set: { status: 'active', givenAt: at, withdrawnAt: null },
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function withdraw(db: Queryable, personId: string, needId: string, at: Date) {
  await db
    .update(consents)
    .set({ status: 'withdrawn', withdrawnAt: at })
    .where(and(eq(consents.personId, personId), eq(consents.needId, needId), eq(consents.status, 'active')));
}

/** A page of a need's active consents, by person id. */
export async function activeConsents(db: Queryable, needId: string, limit: number, after: string | null) {
  return db
    .select()
    .from(consents)
    .where(
      and(eq(consents.needId, needId), eq(consents.status, 'active'), after ? gt(consents.personId, after) : undefined),
    )
    .orderBy(asc(consents.personId))
    .limit(limit);
}

export async function countActive(db: Queryable, needId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(consents)
    .where(and(eq(consents.needId, needId), eq(consents.status, 'active')));
  return row?.n ?? 0;
}

/** Each consenting learner's latest score and when their score last rose (or was first recorded). */
export async function cohortScores(db: Queryable, needId: string) {
  const active = await db
    .select({ personId: consents.personId })
    .from(consents)
    .where(and(eq(consents.needId, needId), eq(consents.status, 'active')));
  const out: { personId: string; score: number | null; lastRise: Date | null }[] = [];
  for (const { personId } of active) {
    const history = await db
      .select()
      .from(matchSnapshots)
      .where(and(eq(matchSnapshots.personId, personId), eq(matchSnapshots.needId, needId)))
      .orderBy(desc(matchSnapshots.at))
      .limit(500);
    out.push({
      personId,
      score: history[0] ? history[0].scoreBasisPoints / 10_000 : null,
      lastRise: lastRise(history),
    });
  }
  return out;
}

/** When the score last went up (the first snapshot counts as a rise). Newest first in. */
function lastRise(history: { at: Date; scoreBasisPoints: number }[]): Date | null {
  for (let i = 0; i < history.length; i++) {
    const current = history[i];
    const previous = history[i + 1];
    if (current && (!previous || current.scoreBasisPoints > previous.scoreBasisPoints)) return current.at;
  }
  return null;
}

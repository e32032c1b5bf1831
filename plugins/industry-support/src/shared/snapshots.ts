import type { Queryable } from '@lifelong/core';
import { and, desc, eq } from 'drizzle-orm';
import { matchSnapshots } from './tables.js';

/** The learner's last recorded score for the need (basis points), and when it last rose. */
export async function lastSnapshot(db: Queryable, personId: string, needId: string) {
  const [row] = await db
    .select()
    .from(matchSnapshots)
    .where(and(eq(matchSnapshots.personId, personId), eq(matchSnapshots.needId, needId)))
    .orderBy(desc(matchSnapshots.at))
    .limit(1);
  return row ?? null;
}

export async function recordSnapshot(
  db: Queryable,
  values: { personId: string; needId: string; regionId: string; at: Date; scoreBasisPoints: number },
) {
  // Two scores at the same instant (a fixed clock): the later one stands.
  await db
    .insert(matchSnapshots)
    .values(values)
    .onConflictDoUpdate({
      target: [matchSnapshots.personId, matchSnapshots.needId, matchSnapshots.at],
      set: { scoreBasisPoints: values.scoreBasisPoints },
    });
}

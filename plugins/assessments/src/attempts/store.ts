import { afterIdCursor, type Queryable, toPage, uuidv7 } from '@lifelong/core';
import { and, asc, count, desc, eq, inArray, lte, max } from 'drizzle-orm';
import { idKey } from '../context.js';
import type { Response } from '../shared/items.js';
import { type AttemptRow, attempts, forms, items } from '../shared/tables.js';
import type { AttemptSummary } from './schemas.js';

// Attempts: queries and row → response mapping (the views that hide keys are in view.ts).

export const resultOf = (row: AttemptRow): AttemptSummary['result'] =>
  row.status === 'scored' && row.scoreBasisPoints !== null && row.earnedMilli !== null && row.passed !== null
    ? {
        scorePercent: row.scoreBasisPoints / 100,
        passed: row.passed,
        earnedPoints: row.earnedMilli / 1000,
        maxPoints: row.maxMilli / 1000,
      }
    : null;

export const summaryView = (row: AttemptRow): AttemptSummary => ({
  id: row.id,
  formId: row.formId,
  regionId: row.regionId,
  personId: row.personId,
  status: row.status,
  startedAt: row.startedAt.toISOString(),
  expiresAt: row.expiresAt.toISOString(),
  submittedAt: row.submittedAt ? row.submittedAt.toISOString() : null,
  timedOut: row.timedOut,
  result: resultOf(row),
});

export async function formRow(db: Queryable, formId: string, regionId?: string) {
  const [row] = await db
    .select()
    .from(forms)
    .where(and(eq(forms.id, formId), regionId === undefined ? undefined : eq(forms.regionId, regionId)));
  return row ?? null;
}

/** The form's items (of its bank, whose shard holds them) in the form's order. */
export async function formItems(db: Queryable, bankId: string, itemIds: string[]) {
  const rows = await db
    .select()
    .from(items)
    .where(and(eq(items.bankId, bankId), inArray(items.id, itemIds)));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return itemIds.map((id) => {
    const row = byId.get(id);
    if (!row) throw new Error(`item ${id} of a form is gone`);
    return row;
  });
}

export async function inProgressAttempt(db: Queryable, formId: string, personId: string) {
  const [row] = await db
    .select()
    .from(attempts)
    .where(and(eq(attempts.formId, formId), eq(attempts.personId, personId), eq(attempts.status, 'inProgress')))
    .for('update');
  return row ?? null;
}

/** How many attempts the person made at the form, and when the last scored one ended. */
export async function attemptHistory(db: Queryable, formId: string, personId: string) {
  const [row] = await db
    .select({ made: count(), lastEnded: max(attempts.submittedAt) })
    .from(attempts)
    .where(and(eq(attempts.formId, formId), eq(attempts.personId, personId)));
  return { made: row?.made ?? 0, lastEnded: row?.lastEnded ?? null };
}

/** Inserts an attempt unless one is in progress for the person and form (then null). */
export async function insertAttempt(db: Queryable, values: Omit<typeof attempts.$inferInsert, 'id'>) {
  const [row] = await db
    .insert(attempts)
    .values({ id: uuidv7(), ...values })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

export async function attemptRow(db: Queryable, attemptId: string, regionId: string, lock = false) {
  const query = db
    .select()
    .from(attempts)
    .where(and(eq(attempts.id, attemptId), eq(attempts.regionId, regionId)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/** An attempt's key: with its person, so a write goes to the person's shard alone. */
export type AttemptKey = Pick<AttemptRow, 'personId' | 'id'>;

const byKey = (key: AttemptKey) => and(eq(attempts.personId, key.personId), eq(attempts.id, key.id));

export async function saveResponses(db: Queryable, attempt: AttemptKey, responses: (Response | null)[]) {
  await db.update(attempts).set({ responses }).where(byKey(attempt));
}

/** Marks an attempt in progress scored; null when it was scored already (a parallel submit). */
export async function markScored(
  db: Queryable,
  attempt: AttemptKey,
  values: Pick<
    typeof attempts.$inferInsert,
    'submittedAt' | 'timedOut' | 'results' | 'earnedMilli' | 'scoreBasisPoints' | 'passed'
  >,
) {
  const [row] = await db
    .update(attempts)
    .set({ status: 'scored', ...values })
    .where(and(byKey(attempt), eq(attempts.status, 'inProgress')))
    .returning();
  return row ?? null;
}

/** Attempts whose time ran out unsubmitted, oldest deadline first. */
export async function overdueAttempts(db: Queryable, now: Date, limit: number) {
  return db
    .select()
    .from(attempts)
    .where(and(eq(attempts.status, 'inProgress'), lte(attempts.expiresAt, now)))
    .orderBy(asc(attempts.expiresAt))
    .limit(limit)
    .for('update', { skipLocked: true });
}

/** A person's attempts (optionally at one form) or a form's, oldest first, a page at a time. */
export async function listAttempts(
  db: Queryable,
  filter: { regionId: string; personId?: string; formId?: string | undefined },
  limit: number,
  cursor: string | undefined,
) {
  const rows = await db
    .select()
    .from(attempts)
    .where(
      and(
        eq(attempts.regionId, filter.regionId),
        filter.personId ? eq(attempts.personId, filter.personId) : undefined,
        filter.formId ? eq(attempts.formId, filter.formId) : undefined,
        afterIdCursor(attempts.id, cursor),
      ),
    )
    .orderBy(attempts.id)
    .limit(limit + 1);
  return toPage(rows, limit, idKey, summaryView);
}

/** The person's best scored attempt at the form: highest score, the earliest of equals. */
export async function bestAttempt(db: Queryable, personId: string, formId: string) {
  const [row] = await db
    .select()
    .from(attempts)
    .where(and(eq(attempts.personId, personId), eq(attempts.formId, formId), eq(attempts.status, 'scored')))
    .orderBy(desc(attempts.scoreBasisPoints), asc(attempts.submittedAt), asc(attempts.id))
    .limit(1);
  return row ?? null;
}

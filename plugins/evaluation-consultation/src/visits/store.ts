import { type Queryable, uuidv7 } from '@lifelong/core';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { actions, grades, reports, solutions, type VisitRow, visits } from '../shared/schema.js';

export async function hasFinalReport(db: Queryable, engagementId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(reports)
    .where(and(eq(reports.engagementId, engagementId), eq(reports.status, 'final')));
  return (row?.n ?? 0) > 0;
}

export async function knownSolutions(db: Queryable, engagementId: string, ids: string[]) {
  const rows = await db
    .select({ id: solutions.id })
    .from(solutions)
    .where(and(eq(solutions.engagementId, engagementId), inArray(solutions.id, ids)));
  return new Set(rows.map((r) => r.id));
}

export async function insertActions(
  db: Queryable,
  engagementId: string,
  rows: { solutionId: string; text: string; dueAt: Date | null }[],
  createdAt: Date,
) {
  const ids = rows.map(() => uuidv7()).sort();
  await db.insert(actions).values(rows.map((r, i) => ({ engagementId, id: ids[i] as string, createdAt, ...r })));
}

export async function insertVisits(db: Queryable, engagementId: string, planned: Date[]) {
  if (planned.length === 0) return;
  const ids = planned.map(() => uuidv7()).sort();
  await db
    .insert(visits)
    .values(planned.map((plannedFor, i) => ({ engagementId, id: ids[i] as string, number: i + 1, plannedFor })));
}

export const actionRows = (db: Queryable, engagementId: string) =>
  db.select().from(actions).where(eq(actions.engagementId, engagementId)).orderBy(asc(actions.id));

export const visitRows = (db: Queryable, engagementId: string) =>
  db.select().from(visits).where(eq(visits.engagementId, engagementId)).orderBy(asc(visits.number));

export async function visitRow(db: Queryable, engagementId: string, id: string): Promise<VisitRow | null> {
  const [row] = await db
    .select()
    .from(visits)
    .where(and(eq(visits.engagementId, engagementId), eq(visits.id, id)))
    .for('update');
  return row ?? null;
}

export async function measurementCount(db: Queryable, engagementId: string, visitId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(grades)
    .where(and(eq(grades.engagementId, engagementId), eq(grades.visitId, visitId)));
  return row?.n ?? 0;
}

export async function completeVisitRow(
  db: Queryable,
  engagementId: string,
  id: string,
  completedAt: Date,
  notes: string | null,
) {
  const [row] = await db
    .update(visits)
    .set({ completedAt, notes })
    .where(and(eq(visits.engagementId, engagementId), eq(visits.id, id)))
    .returning();
  if (!row) throw new Error('update returned no row');
  return row;
}

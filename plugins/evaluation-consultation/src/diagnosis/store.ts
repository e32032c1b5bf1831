import { type Queryable, uuidv7 } from '@lifelong/core';
import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { type CommentRow, comments, evidence, findings, type ReportRow, reports, solutions } from '../shared/schema.js';

export async function insertFinding(db: Queryable, values: Omit<typeof findings.$inferInsert, 'id'>) {
  const [row] = await db
    .insert(findings)
    .values({ id: uuidv7(), ...values })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function insertSolutions(
  db: Queryable,
  engagementId: string,
  findingId: string,
  texts: readonly string[],
  createdBy: string,
  createdAt: Date,
) {
  if (texts.length === 0) return [];
  const ids = texts.map(() => uuidv7()).sort();
  return db
    .insert(solutions)
    .values(texts.map((text, i) => ({ engagementId, id: ids[i] as string, findingId, text, createdBy, createdAt })))
    .returning();
}

export async function findingRow(db: Queryable, engagementId: string, id: string) {
  const [row] = await db
    .select()
    .from(findings)
    .where(and(eq(findings.engagementId, engagementId), eq(findings.id, id)));
  return row ?? null;
}

/** Findings with their solutions, oldest first. */
export async function findingsWithSolutions(db: Queryable, engagementId: string) {
  const all = await db.select().from(findings).where(eq(findings.engagementId, engagementId)).orderBy(asc(findings.id));
  const sols = await db
    .select()
    .from(solutions)
    .where(eq(solutions.engagementId, engagementId))
    .orderBy(asc(solutions.id));
  return all.map((f) => ({ ...f, solutions: sols.filter((s) => s.findingId === f.id) }));
}

export async function evidenceTitles(db: Queryable, engagementId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: evidence.id, title: evidence.title })
    .from(evidence)
    .where(and(eq(evidence.engagementId, engagementId), inArray(evidence.id, ids)));
  return new Map(rows.map((r) => [r.id, r.title]));
}

export const reportRows = (db: Queryable, engagementId: string) =>
  db.select().from(reports).where(eq(reports.engagementId, engagementId)).orderBy(asc(reports.version));

export async function latestReport(db: Queryable, engagementId: string): Promise<ReportRow | null> {
  const [row] = await db
    .select()
    .from(reports)
    .where(eq(reports.engagementId, engagementId))
    .orderBy(desc(reports.version))
    .limit(1);
  return row ?? null;
}

export async function releasedReport(db: Queryable, engagementId: string): Promise<ReportRow | null> {
  const [row] = await db
    .select()
    .from(reports)
    .where(and(eq(reports.engagementId, engagementId), isNotNull(reports.releasedAt)))
    .limit(1);
  return row ?? null;
}

export async function insertReport(db: Queryable, values: typeof reports.$inferInsert) {
  const [row] = await db.insert(reports).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function markReleased(
  db: Queryable,
  engagementId: string,
  version: number,
  releasedAt: Date,
  windowClosesAt: Date,
) {
  const [row] = await db
    .update(reports)
    .set({ releasedAt, windowClosesAt })
    .where(and(eq(reports.engagementId, engagementId), eq(reports.version, version)))
    .returning();
  if (!row) throw new Error('update returned no row');
  return row;
}

export async function insertComment(db: Queryable, values: Omit<typeof comments.$inferInsert, 'id'>) {
  const [row] = await db
    .insert(comments)
    .values({ id: uuidv7(), ...values })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export const commentRows = (db: Queryable, engagementId: string) =>
  db.select().from(comments).where(eq(comments.engagementId, engagementId)).orderBy(asc(comments.id));

export async function commentRow(db: Queryable, engagementId: string, id: string): Promise<CommentRow | null> {
  const [row] = await db
    .select()
    .from(comments)
    .where(and(eq(comments.engagementId, engagementId), eq(comments.id, id)))
    .for('update');
  return row ?? null;
}

export async function setResponse(
  db: Queryable,
  engagementId: string,
  id: string,
  values: { response: string; accepted: boolean; respondedBy: string; respondedAt: Date },
) {
  const [row] = await db
    .update(comments)
    .set(values)
    .where(and(eq(comments.engagementId, engagementId), eq(comments.id, id)))
    .returning();
  if (!row) throw new Error('update returned no row');
  return row;
}

import { afterIdCursor, type Queryable, toPage } from '@lifelong/core';
import { and, eq } from 'drizzle-orm';
import { RecordNotFound } from '../shared/errors.js';
import type { RecordRow } from '../shared/records/award.js';
import { records } from '../shared/records/schema.js';
import type { LearningRecord } from './schemas.js';

export const recordView = (row: RecordRow): LearningRecord => ({
  id: row.id,
  personId: row.personId,
  regionId: row.regionId,
  title: row.title,
  providerInstitutionId: row.providerInstitutionId,
  stage: row.stage as LearningRecord['stage'],
  level: row.level as LearningRecord['level'],
  learningOutcomes: row.learningOutcomes,
  workloadHours: Number(row.workloadHours),
  assessment: {
    type: row.assessmentType as LearningRecord['assessment']['type'],
    score: row.assessmentScore === null ? null : Number(row.assessmentScore),
  },
  form: row.form as LearningRecord['form'],
  completedAt: row.completedAt.toISOString(),
  evidence: row.evidence,
  credits: String(row.credits),
  points: String(row.points),
  outcome: row.outcome,
  origin: row.origin,
  source: row.source,
  sourceRef: row.sourceRef,
  equivalenceKey: row.equivalenceKey,
  status: row.status,
  withdrawal:
    row.status === 'withdrawn' && row.withdrawnAt
      ? { reason: row.withdrawnReason ?? '', at: row.withdrawnAt.toISOString(), by: row.withdrawnBy ?? '' }
      : null,
  createdAt: row.createdAt.toISOString(),
});

export async function findRecord(db: Queryable, recordId: string): Promise<RecordRow> {
  const [row] = await db.select().from(records).where(eq(records.id, recordId));
  if (!row) throw RecordNotFound({ detail: `Record ${recordId} does not exist.` });
  return row;
}

/** A record's view, or null for an unknown (or malformed) id: the credit bank's service. */
export async function findRecordOrNull(db: Queryable, recordId: string): Promise<LearningRecord | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(recordId)) return null;
  const [row] = await db.select().from(records).where(eq(records.id, recordId));
  return row ? recordView(row) : null;
}

/** A person's records, oldest first, a page at a time. */
export async function listRecords(db: Queryable, personId: string, limit: number, cursor: string | undefined) {
  const rows = await db
    .select()
    .from(records)
    .where(and(eq(records.personId, personId), afterIdCursor(records.id, cursor)))
    .orderBy(records.id)
    .limit(limit + 1);
  return toPage(rows, limit, (row) => ({ id: row.id }), recordView);
}

/** Marks an active record withdrawn; undefined if it was withdrawn already. */
export async function markWithdrawn(
  db: Queryable,
  recordId: string,
  withdrawal: { reason: string; at: Date; by: string },
): Promise<RecordRow | undefined> {
  const [withdrawn] = await db
    .update(records)
    .set({
      status: 'withdrawn',
      withdrawnReason: withdrawal.reason,
      withdrawnAt: withdrawal.at,
      withdrawnBy: withdrawal.by,
    })
    .where(and(eq(records.id, recordId), eq(records.status, 'active')))
    .returning();
  return withdrawn;
}

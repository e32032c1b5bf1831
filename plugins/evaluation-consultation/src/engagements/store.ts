import { afterIdCursor, type Queryable, toPage, uuidv7 } from '@lifelong/core';
import { and, asc, eq, exists, inArray, lt, sql } from 'drizzle-orm';
import { iso } from '../context.js';
import type { Access } from '../shared/access.js';
import type { MilestoneState } from '../shared/milestones.js';
import { complaints, type EngagementRow, engagements, history, members, milestones } from '../shared/schema.js';
import type { Engagement, EngagementSummary } from './schemas.js';

export function summaryView(row: EngagementRow, myRoles: readonly string[]): EngagementSummary {
  const stage = row.definition.stages[row.stageIndex];
  return {
    id: row.id,
    regionId: row.regionId,
    schoolInstitutionId: row.schoolInstitutionId,
    templateId: row.templateId,
    templateKey: row.templateKey,
    templateVersion: row.templateVersion,
    stage: stage?.key ?? 'closed',
    stageName: stage?.name ?? 'Closed',
    stageIndex: row.stageIndex,
    stageCount: row.definition.stages.length,
    stageEnteredAt: row.stageEnteredAt.toISOString(),
    stageDueAt: iso(row.stageDueAt),
    status: row.status as Engagement['status'],
    suspendedReason: row.suspendedReason,
    myRoles: [...myRoles].sort() as Engagement['myRoles'],
    createdAt: row.createdAt.toISOString(),
  };
}

export function engagementView(a: Access, milestoneStates: MilestoneState[]): Engagement {
  return {
    ...summaryView(a.row, [...a.roles]),
    tasks: a.row.definition.stages[a.row.stageIndex]?.tasks ?? [],
    milestones: milestoneStates,
  };
}

export async function insertEngagement(db: Queryable, values: Omit<typeof engagements.$inferInsert, 'id'>) {
  const [row] = await db
    .insert(engagements)
    .values({ id: uuidv7(), ...values })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateEngagement(db: Queryable, id: string, values: Partial<typeof engagements.$inferInsert>) {
  const [row] = await db.update(engagements).set(values).where(eq(engagements.id, id)).returning();
  if (!row) throw new Error('update returned no row');
  return row;
}

export async function insertMember(db: Queryable, values: typeof members.$inferInsert) {
  const [row] = await db.insert(members).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export const memberRows = (db: Queryable, engagementId: string) =>
  db.select().from(members).where(eq(members.engagementId, engagementId)).orderBy(asc(members.addedAt));

export async function insertMilestone(db: Queryable, values: typeof milestones.$inferInsert) {
  const [row] = await db.insert(milestones).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

/** The caller's engagements in the region (or all of them for its managers), oldest first. */
export async function listEngagements(
  db: Queryable,
  filter: { regionId: string; personId: string | null; all: boolean; onlyOverdueAt?: Date },
  limit: number,
  cursor: string | undefined,
) {
  const mine = filter.all
    ? undefined
    : filter.personId
      ? exists(
          db
            .select({ one: sql`1` })
            .from(members)
            .where(
              and(
                eq(members.engagementId, engagements.id),
                eq(members.personId, filter.personId),
                filter.onlyOverdueAt ? inArray(members.role, ['lead', 'member']) : undefined,
              ),
            ),
        )
      : sql`false`;
  const overdue = filter.onlyOverdueAt
    ? and(eq(engagements.status, 'active'), lt(engagements.stageDueAt, filter.onlyOverdueAt))
    : undefined;
  const rows = await db
    .select()
    .from(engagements)
    .where(and(eq(engagements.regionId, filter.regionId), mine, overdue, afterIdCursor(engagements.id, cursor)))
    .orderBy(engagements.id)
    .limit(limit + 1);
  return rows;
}

export async function rolesOf(db: Queryable, engagementIds: string[], personId: string | null) {
  if (!personId || engagementIds.length === 0) return new Map<string, string[]>();
  const rows = await db
    .select({ engagementId: members.engagementId, role: members.role })
    .from(members)
    .where(and(inArray(members.engagementId, engagementIds), eq(members.personId, personId)));
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.engagementId, [...(out.get(r.engagementId) ?? []), r.role]);
  return out;
}

export async function insertComplaint(db: Queryable, values: Omit<typeof complaints.$inferInsert, 'id'>) {
  const [row] = await db
    .insert(complaints)
    .values({ id: uuidv7(), ...values })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export const complaintRows = (db: Queryable, engagementId: string) =>
  db.select().from(complaints).where(eq(complaints.engagementId, engagementId)).orderBy(complaints.id);

export async function complaintRow(db: Queryable, engagementId: string, id: string) {
  const [row] = await db
    .select()
    .from(complaints)
    .where(and(eq(complaints.engagementId, engagementId), eq(complaints.id, id)))
    .for('update');
  return row ?? null;
}

export async function resolveComplaintRow(
  db: Queryable,
  engagementId: string,
  id: string,
  values: { resolution: string; resolvedBy: string; resolvedAt: Date },
) {
  const [row] = await db
    .update(complaints)
    .set(values)
    .where(and(eq(complaints.engagementId, engagementId), eq(complaints.id, id)))
    .returning();
  if (!row) throw new Error('update returned no row');
  return row;
}

export async function historyPage(db: Queryable, engagementId: string, limit: number, cursor: string | undefined) {
  const rows = await db
    .select()
    .from(history)
    .where(and(eq(history.engagementId, engagementId), afterIdCursor(history.id, cursor)))
    .orderBy(history.id)
    .limit(limit + 1);
  return toPage(
    rows,
    limit,
    (r) => ({ id: r.id }),
    (r) => ({ id: r.id, action: r.action, detail: r.detail, actorId: r.actorId, at: r.at.toISOString() }),
  );
}

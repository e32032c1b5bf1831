import { afterIdCursor, type Queryable, toPage, uuidv7 } from '@lifelong/core';
import { and, eq, ne } from 'drizzle-orm';
import { idKey } from '../context.js';
import { skillLabels } from '../shared/catalogue.js';
import { type NeedRow, type NeedSkill, needs } from '../shared/tables.js';
import { needVersions } from './schema.js';
import type { Need } from './schemas.js';

// Need profiles and their versions: queries and row → response mapping.

export function needView(row: NeedRow, labels: Map<string, string>): Need {
  return {
    id: row.id,
    regionId: row.regionId,
    institutionId: row.institutionId,
    title: row.title,
    occupationId: row.occupationId,
    skills: row.skills.map((s) => ({ ...s, label: labels.get(s.skillId) ?? '' })),
    headcount: row.headcount,
    deadline: row.deadline,
    status: row.status,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    publishedAt: row.publishedAt ? row.publishedAt.toISOString() : null,
  };
}

export async function needViews(db: Queryable, rows: NeedRow[]): Promise<Need[]> {
  const labels = await skillLabels(db, [...new Set(rows.flatMap((r) => r.skills.map((s) => s.skillId)))]);
  return rows.map((row) => needView(row, labels));
}

export async function insertNeed(db: Queryable, values: Omit<NeedRow, 'id'>) {
  const [row] = await db
    .insert(needs)
    .values({ id: uuidv7(), ...values })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateNeed(db: Queryable, id: string, values: Partial<NeedRow>) {
  const [row] = await db.update(needs).set(values).where(eq(needs.id, id)).returning();
  if (!row) throw new Error('update returned no row');
  return row;
}

export async function insertVersion(db: Queryable, need: Need, at: Date) {
  await db.insert(needVersions).values({ needId: need.id, version: need.version, snapshot: need, createdAt: at });
}

export async function versionOf(db: Queryable, needId: string, version: number) {
  const [row] = await db
    .select()
    .from(needVersions)
    .where(and(eq(needVersions.needId, needId), eq(needVersions.version, version)));
  return row ?? null;
}

/** A page of needs: a company's own, the whole region's, or its published ones. */
export async function listNeeds(
  db: Queryable,
  filter: { regionId: string; institutionId: string | null; all: boolean; status?: NeedRow['status'] | undefined },
  limit: number,
  cursor: string | undefined,
) {
  const rows = await db
    .select()
    .from(needs)
    .where(
      and(
        eq(needs.regionId, filter.regionId),
        filter.institutionId ? eq(needs.institutionId, filter.institutionId) : undefined,
        !filter.institutionId && !filter.all ? ne(needs.status, 'draft') : undefined,
        filter.status ? eq(needs.status, filter.status) : undefined,
        afterIdCursor(needs.id, cursor),
      ),
    )
    .orderBy(needs.id)
    .limit(limit + 1);
  const views = await needViews(db, rows);
  const byId = new Map(views.map((v) => [v.id, v]));
  return toPage(rows, limit, idKey, (row) => byId.get(row.id) as Need);
}

export type { NeedSkill };

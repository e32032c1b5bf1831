import { afterIdCursor, type Queryable, uuidv7 } from '@lifelong/core';
import { and, eq, inArray } from 'drizzle-orm';
import { affiliations, type ExpertRow, experts, members, ratings } from '../shared/schema.js';

export async function insertExpert(db: Queryable, values: Omit<typeof experts.$inferInsert, 'id'>) {
  const [row] = await db
    .insert(experts)
    .values({ id: uuidv7(), ...values })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

export async function insertAffiliations(
  db: Queryable,
  expertId: string,
  rows: { institutionId: string; until: string }[],
) {
  if (rows.length === 0) return;
  await db
    .insert(affiliations)
    .values(rows.map((r) => ({ expertId, ...r })))
    .onConflictDoNothing();
}

export async function expertRow(db: Queryable, regionId: string, id: string): Promise<ExpertRow | null> {
  const [row] = await db
    .select()
    .from(experts)
    .where(and(eq(experts.id, id), eq(experts.regionId, regionId)));
  return row ?? null;
}

export async function expertPage(db: Queryable, regionId: string, limit: number, cursor: string | undefined) {
  return db
    .select()
    .from(experts)
    .where(and(eq(experts.regionId, regionId), afterIdCursor(experts.id, cursor)))
    .orderBy(experts.id)
    .limit(limit + 1);
}

/** The registry of a region, whole (bounded by the registry's size: a region's experts). */
export const regionExperts = (db: Queryable, regionId: string) =>
  db.select().from(experts).where(eq(experts.regionId, regionId)).orderBy(experts.id);

export async function affiliationsOf(db: Queryable, expertIds: string[]) {
  if (expertIds.length === 0) return [];
  return db.select().from(affiliations).where(inArray(affiliations.expertId, expertIds));
}

export async function ratingsOf(db: Queryable, expertIds: string[]) {
  if (expertIds.length === 0) return [];
  return db
    .select({ expertId: ratings.expertId, score: ratings.score })
    .from(ratings)
    .where(inArray(ratings.expertId, expertIds));
}

export async function addExpertMember(
  db: Queryable,
  values: { engagementId: string; personId: string; expertId: string; addedBy: string; addedAt: Date },
) {
  const [row] = await db
    .insert(members)
    .values({ ...values, role: 'expert' })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

export async function assignedExpert(db: Queryable, engagementId: string, expertId: string) {
  const [row] = await db
    .select()
    .from(members)
    .where(and(eq(members.engagementId, engagementId), eq(members.role, 'expert'), eq(members.expertId, expertId)));
  return row ?? null;
}

export async function insertRating(db: Queryable, values: typeof ratings.$inferInsert) {
  const [row] = await db.insert(ratings).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

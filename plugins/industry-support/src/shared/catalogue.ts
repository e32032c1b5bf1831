import type { Queryable } from '@lifelong/core';
import { and, eq, inArray } from 'drizzle-orm';
import { occupations, skills, taxonomies } from './tables.js';

/** Which of the ids are skills of the region's taxonomies. */
export async function regionSkillIds(db: Queryable, regionId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: skills.id })
    .from(skills)
    .innerJoin(taxonomies, eq(taxonomies.id, skills.taxonomyId))
    .where(and(inArray(skills.id, ids), eq(taxonomies.regionId, regionId)));
  return new Set(rows.map((r) => r.id));
}

export async function regionOccupationExists(db: Queryable, regionId: string, id: string): Promise<boolean> {
  const rows = await db
    .select({ id: occupations.id })
    .from(occupations)
    .innerJoin(taxonomies, eq(taxonomies.id, occupations.taxonomyId))
    .where(and(eq(occupations.id, id), eq(taxonomies.regionId, regionId)));
  return rows.length > 0;
}

/** Labels of the given skills, by id. */
export async function skillLabels(db: Queryable, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: skills.id, label: skills.label }).from(skills).where(inArray(skills.id, ids));
  return new Map(rows.map((r) => [r.id, r.label]));
}

import { afterIdCursor, type Queryable, toPage, uuidv7 } from '@lifelong/core';
import { and, asc, eq, ilike, inArray, sql } from 'drizzle-orm';
import { idKey } from '../context.js';
import type { LinkValues, OccupationValues, RelationValues, SkillValues } from './files.js';
import {
  crosswalks,
  type ImportRow,
  imports,
  type OccupationRow,
  occupationSkills,
  occupations,
  type SkillRow,
  skillLinks,
  skills,
  type TaxonomyRow,
  taxonomies,
} from './schema.js';

// Taxonomies, their skills and occupations, imports and crosswalks: queries and row → response mapping.

export const taxonomyView = (row: TaxonomyRow) => ({
  id: row.id,
  regionId: row.regionId,
  code: row.code,
  version: row.version,
  name: row.name,
  format: row.format,
  source: row.source,
  licence: row.licence,
  createdAt: row.createdAt.toISOString(),
  importedAt: row.importedAt ? row.importedAt.toISOString() : null,
});

export const skillView = (row: SkillRow) => ({
  id: row.id,
  taxonomyId: row.taxonomyId,
  externalId: row.externalId,
  kind: row.kind,
  uri: row.uri,
  label: row.label,
  description: row.description,
  skillType: row.skillType,
});

export const occupationView = (row: OccupationRow) => ({
  id: row.id,
  taxonomyId: row.taxonomyId,
  externalId: row.externalId,
  uri: row.uri,
  code: row.code,
  iscoCode: row.iscoCode,
  label: row.label,
  description: row.description,
});

export const importView = (row: ImportRow) => ({
  id: row.id,
  taxonomyId: row.taxonomyId,
  file: row.file,
  sha256: row.sha256,
  size: row.size,
  status: row.status,
  rowsDone: row.rowsDone,
  rowsFailed: row.rowsFailed,
  errors: row.errors,
  createdAt: row.createdAt.toISOString(),
  completedAt: row.completedAt ? row.completedAt.toISOString() : null,
});

export async function insertTaxonomy(db: Queryable, values: Omit<typeof taxonomies.$inferInsert, 'id'>) {
  const [row] = await db
    .insert(taxonomies)
    .values({ id: uuidv7(), ...values })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

export async function taxonomyRow(db: Queryable, regionId: string, id: string) {
  const [row] = await db
    .select()
    .from(taxonomies)
    .where(and(eq(taxonomies.id, id), eq(taxonomies.regionId, regionId)));
  return row ?? null;
}

export async function taxonomyByCode(db: Queryable, regionId: string, code: string, version: string) {
  const [row] = await db
    .select()
    .from(taxonomies)
    .where(and(eq(taxonomies.regionId, regionId), eq(taxonomies.code, code), eq(taxonomies.version, version)));
  return row ?? null;
}

export async function listTaxonomies(db: Queryable, regionId: string, limit: number, cursor?: string) {
  const rows = await db
    .select()
    .from(taxonomies)
    .where(and(eq(taxonomies.regionId, regionId), afterIdCursor(taxonomies.id, cursor)))
    .orderBy(taxonomies.id)
    .limit(limit + 1);
  return toPage(rows, limit, idKey, taxonomyView);
}

export async function markImported(db: Queryable, taxonomyId: string, at: Date) {
  await db.update(taxonomies).set({ importedAt: at }).where(eq(taxonomies.id, taxonomyId));
}

/** Keeps the last of each key: one statement may not upsert the same row twice. */
function lastByKey<T>(rows: T[], key: (row: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const row of rows) byKey.set(key(row), row);
  return [...byKey.values()];
}

export async function upsertSkills(db: Queryable, taxonomyId: string, rows: SkillValues[]) {
  if (rows.length === 0) return;
  await db
    .insert(skills)
    .values(lastByKey(rows, (r) => r.externalId).map((r) => ({ id: uuidv7(), taxonomyId, ...r })))
    .onConflictDoUpdate({
      target: [skills.taxonomyId, skills.externalId],
      set: {
        kind: sql`excluded.kind`,
        uri: sql`excluded.uri`,
        label: sql`excluded.label`,
        // O*NET's ratings name a skill without describing it: keep a description already read.
        description: sql`case when excluded.description = '' then ${skills.description} else excluded.description end`,
        skillType: sql`excluded.skill_type`,
      },
    });
}

export async function upsertOccupations(db: Queryable, taxonomyId: string, rows: OccupationValues[]) {
  if (rows.length === 0) return;
  await db
    .insert(occupations)
    .values(lastByKey(rows, (r) => r.externalId).map((r) => ({ id: uuidv7(), taxonomyId, ...r })))
    .onConflictDoUpdate({
      target: [occupations.taxonomyId, occupations.externalId],
      set: {
        uri: sql`excluded.uri`,
        code: sql`excluded.code`,
        iscoCode: sql`excluded.isco_code`,
        label: sql`excluded.label`,
        description: sql`excluded.description`,
      },
    });
}

/** O*NET rates a pair twice (importance, level): both ratings of a batch merge into one row. */
export async function upsertRelations(db: Queryable, taxonomyId: string, rows: RelationValues[]) {
  if (rows.length === 0) return;
  const merged = new Map<string, RelationValues>();
  for (const row of rows) {
    const key = `${row.occupationExternalId}\u0000${row.skillExternalId}`;
    const seen = merged.get(key);
    merged.set(
      key,
      seen ? { ...row, importance: row.importance ?? seen.importance, level: row.level ?? seen.level } : { ...row },
    );
  }
  await db
    .insert(occupationSkills)
    .values([...merged.values()].map((r) => ({ taxonomyId, ...r })))
    .onConflictDoUpdate({
      target: [occupationSkills.taxonomyId, occupationSkills.occupationExternalId, occupationSkills.skillExternalId],
      set: {
        relation: sql`excluded.relation`,
        importance: sql`coalesce(excluded.importance, ${occupationSkills.importance})`,
        level: sql`coalesce(excluded.level, ${occupationSkills.level})`,
      },
    });
}

export async function insertLinks(db: Queryable, taxonomyId: string, rows: LinkValues[]) {
  if (rows.length === 0) return;
  await db
    .insert(skillLinks)
    .values(rows.map((r) => ({ taxonomyId, ...r })))
    .onConflictDoNothing();
}

/** A skill of any of the region's taxonomies, by our id. */
export async function regionSkill(db: Queryable, regionId: string, skillId: string) {
  const [row] = await db
    .select({ skill: skills })
    .from(skills)
    .innerJoin(taxonomies, eq(taxonomies.id, skills.taxonomyId))
    .where(and(eq(skills.id, skillId), eq(taxonomies.regionId, regionId)));
  return row?.skill ?? null;
}

export async function regionOccupation(db: Queryable, regionId: string, occupationId: string) {
  const [row] = await db
    .select({ occupation: occupations })
    .from(occupations)
    .innerJoin(taxonomies, eq(taxonomies.id, occupations.taxonomyId))
    .where(and(eq(occupations.id, occupationId), eq(taxonomies.regionId, regionId)));
  return row?.occupation ?? null;
}

/** An occupation's skills as its taxonomy relates them, labels resolved, essential first. */
export async function occupationSkillsOf(db: Queryable, occupation: OccupationRow) {
  const rows = await db
    .select({ relation: occupationSkills, skill: skills })
    .from(occupationSkills)
    .innerJoin(
      skills,
      and(eq(skills.taxonomyId, occupationSkills.taxonomyId), eq(skills.externalId, occupationSkills.skillExternalId)),
    )
    .where(
      and(
        eq(occupationSkills.taxonomyId, occupation.taxonomyId),
        eq(occupationSkills.occupationExternalId, occupation.externalId),
      ),
    )
    .orderBy(asc(occupationSkills.relation), asc(skills.label))
    .limit(2000);
  return rows.map(({ relation, skill }) => ({
    skillId: skill.id,
    label: skill.label,
    relation: relation.relation,
    importance: relation.importance,
    level: relation.level,
  }));
}

export async function listSkills(
  db: Queryable,
  taxonomyId: string,
  filter: { q?: string | undefined },
  limit: number,
  cursor?: string,
) {
  const rows = await db
    .select()
    .from(skills)
    .where(
      and(
        eq(skills.taxonomyId, taxonomyId),
        filter.q ? ilike(skills.label, `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
        afterIdCursor(skills.id, cursor),
      ),
    )
    .orderBy(skills.id)
    .limit(limit + 1);
  return toPage(rows, limit, idKey, skillView);
}

export async function listOccupations(
  db: Queryable,
  taxonomyId: string,
  filter: { q?: string | undefined },
  limit: number,
  cursor?: string,
) {
  const rows = await db
    .select()
    .from(occupations)
    .where(
      and(
        eq(occupations.taxonomyId, taxonomyId),
        filter.q ? ilike(occupations.label, `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
        afterIdCursor(occupations.id, cursor),
      ),
    )
    .orderBy(occupations.id)
    .limit(limit + 1);
  return toPage(rows, limit, idKey, occupationView);
}

export async function insertImport(db: Queryable, values: Omit<typeof imports.$inferInsert, 'id'>) {
  const [row] = await db
    .insert(imports)
    .values({ id: uuidv7(), ...values })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

export async function importOf(db: Queryable, taxonomyId: string, file: string) {
  const [row] = await db
    .select()
    .from(imports)
    .where(and(eq(imports.taxonomyId, taxonomyId), eq(imports.file, file)));
  return row ?? null;
}

export async function importRow(db: Queryable, regionId: string, id: string) {
  const [row] = await db
    .select()
    .from(imports)
    .where(and(eq(imports.id, id), eq(imports.regionId, regionId)));
  return row ?? null;
}

/** The oldest import with work left, locked for this run. */
export async function nextImport(db: Queryable) {
  const [row] = await db
    .select()
    .from(imports)
    .where(inArray(imports.status, ['queued', 'running']))
    .orderBy(imports.id)
    .limit(1)
    .for('update');
  return row ?? null;
}

export async function saveImport(db: Queryable, id: string, values: Partial<typeof imports.$inferInsert>) {
  await db.update(imports).set(values).where(eq(imports.id, id));
}

export async function insertCrosswalk(db: Queryable, values: Omit<typeof crosswalks.$inferInsert, 'id'>) {
  const [row] = await db
    .insert(crosswalks)
    .values({ id: uuidv7(), ...values })
    .onConflictDoUpdate({
      target: [crosswalks.regionId, crosswalks.fromSkillId, crosswalks.toSkillId],
      set: { match: values.match },
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** The next external id of the region's local taxonomy (`local-<n>`). */
export async function nextLocalId(db: Queryable, taxonomyId: string, table: 'skills' | 'occupations') {
  const t = table === 'skills' ? skills : occupations;
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(t).where(eq(t.taxonomyId, taxonomyId));
  return `local-${(row?.n ?? 0) + 1}`;
}

export async function insertSkill(db: Queryable, taxonomyId: string, values: SkillValues) {
  const [row] = await db
    .insert(skills)
    .values({ id: uuidv7(), taxonomyId, ...values })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function insertOccupation(db: Queryable, taxonomyId: string, values: OccupationValues) {
  const [row] = await db
    .insert(occupations)
    .values({ id: uuidv7(), taxonomyId, ...values })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

import { type Queryable, uuidv7 } from '@lifelong/core';
import { and, eq } from 'drizzle-orm';
import { declaredSkills, evidenceRules } from './schema.js';

export async function upsertDeclared(db: Queryable, personId: string, skillId: string, level: number, at: Date) {
  const [row] = await db
    .insert(declaredSkills)
    .values({ personId, skillId, level, declaredAt: at })
    .onConflictDoUpdate({ target: [declaredSkills.personId, declaredSkills.skillId], set: { level, declaredAt: at } })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function deleteDeclared(db: Queryable, personId: string, skillId: string) {
  await db
    .delete(declaredSkills)
    .where(and(eq(declaredSkills.personId, personId), eq(declaredSkills.skillId, skillId)));
}

export async function upsertRule(
  db: Queryable,
  values: { regionId: string; sourceRef: string; skillId: string; level: number; createdAt: Date },
) {
  const [row] = await db
    .insert(evidenceRules)
    .values({ id: uuidv7(), sourceKind: 'assessment', ...values })
    .onConflictDoUpdate({
      target: [evidenceRules.regionId, evidenceRules.sourceKind, evidenceRules.sourceRef, evidenceRules.skillId],
      set: { level: values.level },
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

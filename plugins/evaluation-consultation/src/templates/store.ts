import { afterIdCursor, type Queryable, uuidv7 } from '@lifelong/core';
import { and, eq, max } from 'drizzle-orm';
import { templates } from '../shared/schema.js';
import type { TemplateDefinition } from '../shared/template-schema.js';

export type TemplateRow = typeof templates.$inferSelect;

export async function nextVersion(db: Queryable, regionId: string, key: string): Promise<number> {
  const [row] = await db
    .select({ v: max(templates.version) })
    .from(templates)
    .where(and(eq(templates.regionId, regionId), eq(templates.key, key)));
  return (row?.v ?? 0) + 1;
}

export async function insertTemplate(
  db: Queryable,
  values: { regionId: string; version: number; definition: TemplateDefinition; createdBy: string; createdAt: Date },
): Promise<TemplateRow> {
  const [row] = await db
    .insert(templates)
    .values({ id: uuidv7(), key: values.definition.key, ...values })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function regionTemplates(db: Queryable, regionId: string, limit: number, cursor: string | undefined) {
  return db
    .select()
    .from(templates)
    .where(and(eq(templates.regionId, regionId), afterIdCursor(templates.id, cursor)))
    .orderBy(templates.id)
    .limit(limit + 1);
}

import type { Queryable } from '@lifelong/core';
import { and, eq } from 'drizzle-orm';
import { TemplateNotFound } from '../errors.js';
import { DEFAULT_TEMPLATE_ID, defaultTemplate } from './default-template.js';
import { templates } from './schema.js';
import type { TemplateDefinition } from './template-schema.js';
import { isUuid } from './uuid.js';

export type TemplateRow = Omit<typeof templates.$inferSelect, 'createdAt' | 'createdBy' | 'regionId'> & {
  regionId: string | null;
  createdAt: Date | null;
};

/** A stored template of the region (404 for unknown ids and other regions' templates). */
export async function findTemplate(db: Queryable, regionId: string, templateId: string): Promise<TemplateRow> {
  if (!isUuid(templateId)) throw TemplateNotFound({ detail: `No template ${templateId} in region "${regionId}".` });
  const [row] = await db
    .select()
    .from(templates)
    .where(and(eq(templates.id, templateId), eq(templates.regionId, regionId)));
  if (!row) throw TemplateNotFound({ detail: `No template ${templateId} in region "${regionId}".` });
  return row;
}

/** The template an engagement is opened with: the built-in default, or one of the region's. */
export async function templateFor(
  db: Queryable,
  regionId: string,
  templateId: string | undefined,
): Promise<{ id: string; key: string; version: number; definition: TemplateDefinition }> {
  if (templateId === undefined || templateId === DEFAULT_TEMPLATE_ID) {
    return { id: DEFAULT_TEMPLATE_ID, key: defaultTemplate.key, version: 1, definition: defaultTemplate };
  }
  const row = await findTemplate(db, regionId, templateId);
  return { id: row.id, key: row.key, version: row.version, definition: row.definition };
}

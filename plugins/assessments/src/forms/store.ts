import { afterIdCursor, type Queryable, toPage, uuidv7 } from '@lifelong/core';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { idKey } from '../context.js';
import { type FormRow, forms, items } from '../shared/tables.js';
import type { Form } from './schemas.js';

// Forms: queries and row → response mapping.

/** The form as JSON; `authoring` only when the caller may author its bank. */
export const formView = (row: FormRow, authoring: boolean): Form => ({
  id: row.id,
  regionId: row.regionId,
  title: row.title,
  status: row.status,
  itemCount: row.itemIds.length,
  timeLimitSeconds: row.timeLimitSeconds,
  passPercent: row.passPercent,
  maxAttempts: row.maxAttempts,
  cooldownSeconds: row.cooldownSeconds,
  revealAnswers: row.revealAnswers,
  createdAt: row.createdAt.toISOString(),
  authoring: authoring ? { bankId: row.bankId, selection: row.selection, itemIds: row.itemIds } : null,
});

/** Which of `itemIds` are items of the bank. */
export async function itemsInBank(db: Queryable, bankId: string, itemIds: string[]): Promise<Set<string>> {
  const rows = await db
    .select({ id: items.id })
    .from(items)
    .where(and(eq(items.bankId, bankId), inArray(items.id, itemIds)));
  return new Set(rows.map((row) => row.id));
}

/** The ids of a bank's items with one of the skills and at one of the levels (an empty list: any). */
export async function candidateItemIds(db: Queryable, bankId: string, skills: string[], levels: string[]) {
  const rows = await db
    .select({ id: items.id })
    .from(items)
    .where(
      and(
        eq(items.bankId, bankId),
        skills.length > 0
          ? or(...skills.map((skill) => sql`${items.skills} @> ${JSON.stringify([skill])}::jsonb`))
          : undefined,
        levels.length > 0 ? inArray(items.level, levels) : undefined,
      ),
    );
  return rows.map((row) => row.id);
}

export async function insertForm(db: Queryable, values: Omit<typeof forms.$inferInsert, 'id'>) {
  const [row] = await db
    .insert(forms)
    .values({ id: uuidv7(), ...values })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function formRow(db: Queryable, formId: string, regionId: string) {
  const [row] = await db
    .select()
    .from(forms)
    .where(and(eq(forms.id, formId), eq(forms.regionId, regionId)));
  return row ?? null;
}

export async function setStatus(db: Queryable, formId: string, status: FormRow['status']) {
  const [row] = await db.update(forms).set({ status }).where(eq(forms.id, formId)).returning();
  if (!row) throw new Error('update returned no row');
  return row;
}

/** A bank's forms, or a region's open forms, oldest first, a page at a time. */
export async function listForms(
  db: Queryable,
  filter: { bankId: string } | { regionId: string; status: 'open' },
  limit: number,
  cursor: string | undefined,
) {
  const where =
    'bankId' in filter
      ? eq(forms.bankId, filter.bankId)
      : and(eq(forms.regionId, filter.regionId), eq(forms.status, filter.status));
  const rows = await db
    .select()
    .from(forms)
    .where(and(where, afterIdCursor(forms.id, cursor)))
    .orderBy(forms.id)
    .limit(limit + 1);
  return toPage(rows, limit, idKey);
}

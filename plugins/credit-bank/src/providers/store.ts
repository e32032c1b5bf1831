import { afterIdCursor, type Queryable, toPage, ValidationFailed } from '@lifelong/core';
import { and, eq } from 'drizzle-orm';
import { ProviderNotFound } from '../shared/errors.js';
import { providers } from '../shared/providers/schema.js';
import type { Provider } from './schemas.js';

export type ProviderRow = typeof providers.$inferSelect;

export const providerView = (row: ProviderRow): Provider => ({
  id: row.id,
  institutionId: row.institutionId,
  regionId: row.regionId,
  capabilities: row.capabilities,
  stages: row.stages as Provider['stages'],
  levels: row.levels as Provider['levels'],
  validFrom: row.validFrom.toISOString(),
  validTo: row.validTo?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export async function findProvider(db: Queryable, id: string): Promise<ProviderRow> {
  const [row] = await db.select().from(providers).where(eq(providers.id, id));
  if (!row) throw ProviderNotFound({ detail: `Accreditation ${id} does not exist.` });
  return row;
}

export async function listProviders(
  db: Queryable,
  filter: { regionId: string; institutionId?: string | undefined },
  limit: number,
  cursor: string | undefined,
) {
  const rows = await db
    .select()
    .from(providers)
    .where(
      and(
        eq(providers.regionId, filter.regionId),
        filter.institutionId ? eq(providers.institutionId, filter.institutionId) : undefined,
        afterIdCursor(providers.id, cursor),
      ),
    )
    .orderBy(providers.id)
    .limit(limit + 1);
  return toPage(rows, limit, (row) => ({ id: row.id }), providerView);
}

/** 400 naming the field unless `validTo` comes after `validFrom`. */
export function requireOrderedValidity(validFrom: Date, validTo: Date | null): void {
  if (validTo && validTo <= validFrom) {
    throw ValidationFailed({
      errors: [{ path: '/body/validTo', rule: 'afterValidFrom', message: 'validTo must come after validFrom' }],
    });
  }
}

export async function insertProvider(db: Queryable, values: typeof providers.$inferInsert): Promise<ProviderRow> {
  const [row] = await db.insert(providers).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateProviderRow(
  db: Queryable,
  id: string,
  values: Partial<typeof providers.$inferInsert>,
): Promise<ProviderRow> {
  const [row] = await db.update(providers).set(values).where(eq(providers.id, id)).returning();
  if (!row) throw new Error('update returned no row');
  return row;
}

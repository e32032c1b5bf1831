import { afterIdCursor, type PluginContext, type Queryable, toPage, ValidationFailed } from '@lifelong/core';
import { and, eq } from 'drizzle-orm';
import { ProviderNotFound } from '../shared/errors.js';
import { providers } from './schema.js';
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
  filter: { institutionId?: string | undefined },
  limit: number,
  cursor: string | undefined,
) {
  const rows = await db
    .select()
    .from(providers)
    .where(
      and(
        filter.institutionId ? eq(providers.institutionId, filter.institutionId) : undefined,
        afterIdCursor(providers.id, cursor),
      ),
    )
    .orderBy(providers.id)
    .limit(limit + 1);
  return toPage(rows, limit, (row) => ({ id: row.id }), providerView);
}

/** What a piece of learning is, for matching accreditations. */
export interface CreditKind {
  stage: string;
  level?: string | undefined;
  at: Date;
}

/**
 * Whether the institution may `capability` credits of this kind at that date: accredited in the
 * core (not pending or suspended) and holding an accreditation here that covers the stage, the
 * level and the date.
 */
export async function isAccreditedProvider(
  ctx: PluginContext,
  institutionId: string,
  capability: 'award' | 'verify',
  kind: CreditKind,
): Promise<boolean> {
  const institution = await ctx.identity.institution(institutionId);
  if (institution?.accreditation !== 'accredited') return false;
  const rows = await ctx.db.select().from(providers).where(eq(providers.institutionId, institutionId));
  return rows.some((row) => covers(row, capability, kind));
}

/** Loads the institution's accreditations once, for checking many rows (bulk import). */
export async function providerChecker(ctx: PluginContext, institutionId: string, capability: 'award' | 'verify') {
  const institution = await ctx.identity.institution(institutionId);
  const rows =
    institution?.accreditation === 'accredited'
      ? await ctx.db.select().from(providers).where(eq(providers.institutionId, institutionId))
      : [];
  return (kind: CreditKind) => rows.some((row) => covers(row, capability, kind));
}

function covers(row: ProviderRow, capability: 'award' | 'verify', kind: CreditKind): boolean {
  return (
    row.capabilities.includes(capability) &&
    (row.stages.length === 0 || row.stages.includes(kind.stage)) &&
    (row.levels.length === 0 || row.levels.includes(kind.level ?? 'none')) &&
    row.validFrom <= kind.at &&
    (row.validTo === null || kind.at < row.validTo)
  );
}

/** 400 naming the field unless `validTo` comes after `validFrom`. */
export function requireOrderedValidity(validFrom: Date, validTo: Date | null): void {
  if (validTo && validTo <= validFrom) {
    throw ValidationFailed({
      errors: [{ path: '/body/validTo', rule: 'afterValidFrom', message: 'validTo must come after validFrom' }],
    });
  }
}

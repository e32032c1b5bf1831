import type { PluginContext } from '@lifelong/core';
import { eq } from 'drizzle-orm';
import { providers } from './schema.js';

// Whether an institution is an accredited provider for a piece of learning: asked by recognition
// (a reviewer's decision) and imports (each row), answered from the providers feature's table.

type ProviderRow = typeof providers.$inferSelect;

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

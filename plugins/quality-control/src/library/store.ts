import type { Queryable } from '@lifelong/core';
import { and, desc, eq, max } from 'drizzle-orm';
import type { Indicator, IndicatorDefinition } from '../shared/common-schemas.js';
import { indicators, regionPacks } from '../shared/schema.js';

export async function insertVersion(
  db: Queryable,
  regionId: string,
  definition: IndicatorDefinition,
  createdBy: string | null,
  now: Date,
): Promise<Indicator> {
  const [last] = await db
    .select({ version: max(indicators.version) })
    .from(indicators)
    .where(and(eq(indicators.regionId, regionId), eq(indicators.code, definition.code)));
  const version = (last?.version ?? 0) + 1;
  await db
    .insert(indicators)
    .values({ regionId, code: definition.code, version, definition, createdBy, createdAt: now });
  return { ...definition, version, pack: null };
}

export async function versions(db: Queryable, regionId: string, code: string): Promise<Indicator[]> {
  const rows = await db
    .select()
    .from(indicators)
    .where(and(eq(indicators.regionId, regionId), eq(indicators.code, code)))
    .orderBy(desc(indicators.version));
  return rows.map((r) => ({ ...(r.definition as IndicatorDefinition), version: r.version, pack: null }));
}

export async function setAdopted(
  db: Queryable,
  regionId: string,
  packId: string,
  adopted: boolean,
  by: string | null,
  now: Date,
) {
  if (adopted) {
    await db.insert(regionPacks).values({ regionId, packId, adoptedBy: by, adoptedAt: now }).onConflictDoNothing();
  } else {
    await db.delete(regionPacks).where(and(eq(regionPacks.regionId, regionId), eq(regionPacks.packId, packId)));
  }
}

import type { Queryable } from '@lifelong/core';
import { and, desc, eq } from 'drizzle-orm';
import type { Indicator } from './common-schemas.js';
import { packById, packIndicators } from './packs.js';
import { indicators, regionPacks } from './schema.js';

/** The packs a region has chosen. */
export async function adoptedPacks(db: Queryable, regionId: string): Promise<string[]> {
  const rows = await db
    .select({ packId: regionPacks.packId })
    .from(regionPacks)
    .where(eq(regionPacks.regionId, regionId))
    .orderBy(regionPacks.packId);
  return rows.map((r) => r.packId);
}

/** The region's own indicators, newest version of each code. */
export async function ownIndicators(db: Queryable, regionId: string): Promise<Indicator[]> {
  const rows = await db
    .select()
    .from(indicators)
    .where(eq(indicators.regionId, regionId))
    .orderBy(indicators.code, desc(indicators.version));
  const latest = new Map<string, Indicator>();
  for (const row of rows) {
    if (!latest.has(row.code))
      latest.set(row.code, { ...(row.definition as object), version: row.version, pack: null } as Indicator);
  }
  return [...latest.values()];
}

/** The region's library: its chosen packs' indicators and its own, by code. */
export async function library(db: Queryable, regionId: string): Promise<Indicator[]> {
  const packs = (await adoptedPacks(db, regionId)).flatMap((id) => {
    const pack = packById(id);
    return pack ? packIndicators(pack) : [];
  });
  return [...packs, ...(await ownIndicators(db, regionId))].sort((a, b) => a.code.localeCompare(b.code));
}

/** One indicator of the region's library (its newest version), or null. */
export async function indicatorOf(db: Queryable, regionId: string, code: string): Promise<Indicator | null> {
  for (const packId of await adoptedPacks(db, regionId)) {
    const pack = packById(packId);
    const found = pack && packIndicators(pack).find((i) => i.code === code);
    if (found) return found;
  }
  const [row] = await db
    .select()
    .from(indicators)
    .where(and(eq(indicators.regionId, regionId), eq(indicators.code, code)))
    .orderBy(desc(indicators.version))
    .limit(1);
  return row ? ({ ...(row.definition as object), version: row.version, pack: null } as Indicator) : null;
}

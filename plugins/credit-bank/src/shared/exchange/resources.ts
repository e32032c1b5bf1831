import type { Queryable } from '@lifelong/core';
import { and, eq } from 'drizzle-orm';
import { ResourceNotFound } from './errors.js';
import { type exchangeRedemptions, exchangeResources } from './schema.js';

// The exchange's resources and redemptions as rows: what the exchange serves and what group pools
// spend on (a pool's spend is a redemption paid by the group).

export type ResourceRow = typeof exchangeResources.$inferSelect;
export type RedemptionRow = typeof exchangeRedemptions.$inferSelect;

/** A resource of the region (404 otherwise: resources of other regions are not visible here). */
export async function findResource(db: Queryable, resourceId: string, regionId: string): Promise<ResourceRow> {
  const [row] = await db
    .select()
    .from(exchangeResources)
    .where(and(eq(exchangeResources.id, resourceId), eq(exchangeResources.regionId, regionId)))
    .limit(1);
  if (!row) throw ResourceNotFound();
  return row;
}

import type { Queryable } from '@lifelong/core';
import { and, eq, gt, sql } from 'drizzle-orm';
import { ResourceNotFound } from './errors.js';
import { exchangeRedemptions, exchangeResources } from './schema.js';

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

/**
 * Takes one unit from the stock of an active resource: a guarded decrement, so concurrent
 * redemptions never oversell (the row lock queues them and the loser sees `stock = 0`). False
 * when none was left (or the resource was withdrawn meanwhile).
 */
export async function takeOneFromStock(db: Queryable, resourceId: string): Promise<boolean> {
  const [taken] = await db
    .update(exchangeResources)
    .set({ stock: sql`${exchangeResources.stock} - 1` })
    .where(
      and(eq(exchangeResources.id, resourceId), gt(exchangeResources.stock, 0), eq(exchangeResources.status, 'active')),
    )
    .returning({ id: exchangeResources.id });
  return taken !== undefined;
}

export async function insertRedemption(db: Queryable, row: RedemptionRow): Promise<void> {
  await db.insert(exchangeRedemptions).values(row);
}

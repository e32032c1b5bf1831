import { afterIdCursor, type Queryable, toPage } from '@lifelong/core';
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { RedemptionRow, ResourceRow } from '../shared/exchange/resources.js';
import { exchangeRedemptions, exchangeResources, LEARNING_KINDS } from '../shared/exchange/schema.js';
import type { Redemption, Resource } from './schemas.js';

// The exchange's queries. Taking a unit from stock and recording a redemption are in
// shared/exchange (group pools redeem too); what only the exchange does is here.

export type { RedemptionRow, ResourceRow };

export const resourceView = (row: ResourceRow): Resource => ({
  id: row.id,
  regionId: row.regionId,
  kind: row.kind,
  title: row.title,
  description: row.description,
  price: String(row.price),
  stock: row.stock,
  offeredBy: { type: row.offeredByType, id: row.offeredById },
  status: row.status,
  acceptsVouchers: LEARNING_KINDS.includes(row.kind),
  createdAt: row.createdAt.toISOString(),
});

export const redemptionView = (row: RedemptionRow): Redemption => ({
  id: row.id,
  resourceId: row.resourceId,
  regionId: row.regionId,
  personId: row.personId,
  payer: { type: row.payerType, id: row.payerId },
  asset: row.asset,
  amount: String(row.amount),
  status: row.status,
  expiresAt: row.expiresAt.toISOString(),
  createdAt: row.createdAt.toISOString(),
  resolvedAt: row.resolvedAt?.toISOString() ?? null,
});

export async function insertResource(
  db: Queryable,
  values: typeof exchangeResources.$inferInsert,
): Promise<ResourceRow> {
  const [row] = await db.insert(exchangeResources).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** A page of the region's active resources, oldest first, optionally of one kind. */
export async function activeResourcesPage(
  db: Queryable,
  regionId: string,
  query: { kind?: ResourceRow['kind']; cursor?: string; limit?: number },
) {
  const limit = query.limit ?? 50;
  const rows = await db
    .select()
    .from(exchangeResources)
    .where(
      and(
        eq(exchangeResources.regionId, regionId),
        eq(exchangeResources.status, 'active'),
        query.kind ? eq(exchangeResources.kind, query.kind) : undefined,
        afterIdCursor(exchangeResources.id, query.cursor),
      ),
    )
    .orderBy(exchangeResources.id)
    .limit(limit + 1);
  return toPage(rows, limit, (row) => ({ id: row.id }), resourceView);
}

/** Adds `restock` (which may be negative) and sets the status; undefined if the stock would go below zero. */
export async function restockResource(
  db: Queryable,
  resourceId: string,
  restock: number,
  status: ResourceRow['status'] | undefined,
): Promise<ResourceRow | undefined> {
  const [row] = await db
    .update(exchangeResources)
    .set({ stock: sql`${exchangeResources.stock} + ${restock}`, ...(status ? { status } : {}) })
    .where(and(eq(exchangeResources.id, resourceId), sql`${exchangeResources.stock} + ${restock} >= 0`))
    .returning();
  return row;
}

/** Returns one unit to the resource's stock (a cancelled or expired redemption). */
export async function returnToStock(db: Queryable, resourceId: string): Promise<void> {
  await db
    .update(exchangeResources)
    .set({ stock: sql`${exchangeResources.stock} + 1` })
    .where(eq(exchangeResources.id, resourceId));
}

/** A page of redemptions, oldest first: of one resource, or paid by one person. */
export async function redemptionsPage(
  db: Queryable,
  of: { resourceId: string } | { personId: string },
  query: { status?: RedemptionRow['status']; cursor?: string; limit?: number },
) {
  const limit = query.limit ?? 50;
  const rows = await db
    .select()
    .from(exchangeRedemptions)
    .where(
      and(
        'resourceId' in of
          ? eq(exchangeRedemptions.resourceId, of.resourceId)
          : and(eq(exchangeRedemptions.personId, of.personId), eq(exchangeRedemptions.payerType, 'person')),
        query.status ? eq(exchangeRedemptions.status, query.status) : undefined,
        afterIdCursor(exchangeRedemptions.id, query.cursor),
      ),
    )
    .orderBy(exchangeRedemptions.id)
    .limit(limit + 1);
  return toPage(rows, limit, (row) => ({ id: row.id }), redemptionView);
}

/** The redemption of the region, locked for this transaction. */
export async function lockRedemption(db: Queryable, id: string, regionId: string): Promise<RedemptionRow | undefined> {
  const [row] = await db
    .select()
    .from(exchangeRedemptions)
    .where(and(eq(exchangeRedemptions.id, id), eq(exchangeRedemptions.regionId, regionId)))
    .for('update');
  return row;
}

/**
 * Held redemptions past their expiry, locked; SKIP LOCKED leaves a redemption being delivered or
 * cancelled right now to that request.
 */
export async function lockDueRedemptions(db: Queryable, now: Date, batch: number): Promise<RedemptionRow[]> {
  return db
    .select()
    .from(exchangeRedemptions)
    .where(and(eq(exchangeRedemptions.status, 'held'), lte(exchangeRedemptions.expiresAt, now)))
    .orderBy(asc(exchangeRedemptions.expiresAt))
    .limit(batch)
    .for('update', { skipLocked: true });
}

export async function markResolved(
  db: Queryable,
  id: string,
  values: Pick<RedemptionRow, 'status' | 'resolveTransferId' | 'resolvedAt' | 'resolvedBy'>,
): Promise<RedemptionRow> {
  const [updated] = await db.update(exchangeRedemptions).set(values).where(eq(exchangeRedemptions.id, id)).returning();
  if (!updated) throw new Error(`Redemption ${id} vanished`);
  return updated;
}

import { afterIdCursor, decodeCursor, isUuidKey, type Queryable, toPage } from '@lifelong/core';
import { and, asc, desc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
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
  approval:
    row.approvalDecidedBy && row.approvalDecidedAt
      ? { by: row.approvalDecidedBy, at: row.approvalDecidedAt.toISOString() }
      : null,
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

/**
 * A page of redemptions: of one resource (newest first, for its provider) or paid by one person
 * themselves (oldest first). The cursor is the last id seen, read in the page's own direction.
 */
export async function redemptionsPage(
  db: Queryable,
  of: { resourceId: string } | { personId: string },
  query: { status?: RedemptionRow['status']; cursor?: string; limit?: number },
) {
  const limit = query.limit ?? 50;
  const newestFirst = 'resourceId' in of;
  const after = query.cursor ? decodeCursor(query.cursor, isUuidKey).id : undefined;
  const rows = await db
    .select()
    .from(exchangeRedemptions)
    .where(
      and(
        'resourceId' in of
          ? eq(exchangeRedemptions.resourceId, of.resourceId)
          : and(eq(exchangeRedemptions.personId, of.personId), eq(exchangeRedemptions.payerType, 'person')),
        query.status ? eq(exchangeRedemptions.status, query.status) : undefined,
        after === undefined
          ? undefined
          : newestFirst
            ? lt(exchangeRedemptions.id, after)
            : afterIdCursor(exchangeRedemptions.id, query.cursor),
      ),
    )
    .orderBy(newestFirst ? desc(exchangeRedemptions.id) : asc(exchangeRedemptions.id))
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
 * Held (and awaiting-approval) redemptions past their expiry, locked; SKIP LOCKED leaves a
 * redemption being delivered or cancelled right now to that request. One whose expiry failed
 * since `retryFailedBefore` waits, so a broken row is not retried every run.
 */
export async function lockDueRedemptions(
  db: Queryable,
  now: Date,
  batch: number,
  retryFailedBefore: Date,
): Promise<RedemptionRow[]> {
  return db
    .select()
    .from(exchangeRedemptions)
    .where(
      and(
        inArray(exchangeRedemptions.status, ['held', 'pending-approval']),
        lte(exchangeRedemptions.expiresAt, now),
        or(isNull(exchangeRedemptions.expiryFailedAt), lte(exchangeRedemptions.expiryFailedAt, retryFailedBefore)),
      ),
    )
    .orderBy(asc(exchangeRedemptions.expiresAt))
    .limit(batch)
    .for('update', { skipLocked: true });
}

/** Records a failed expiry attempt (after its own changes were rolled back). */
export async function recordExpiryFailure(db: Queryable, id: string, reason: string, at: Date): Promise<void> {
  await db
    .update(exchangeRedemptions)
    .set({
      expiryFailures: sql`${exchangeRedemptions.expiryFailures} + 1`,
      expiryFailureReason: reason.slice(0, 1000),
      expiryFailedAt: at,
    })
    .where(eq(exchangeRedemptions.id, id));
}

/** A guardian's approval of a minor's redemption: it becomes `held`, deliverable. */
export async function markApproval(
  db: Queryable,
  id: string,
  values: Pick<RedemptionRow, 'status' | 'approvalDecidedBy' | 'approvalDecidedAt'>,
): Promise<RedemptionRow> {
  const [updated] = await db.update(exchangeRedemptions).set(values).where(eq(exchangeRedemptions.id, id)).returning();
  if (!updated) throw new Error(`Redemption ${id} vanished`);
  return updated;
}

export async function markResolved(
  db: Queryable,
  id: string,
  values: Pick<RedemptionRow, 'status' | 'resolveTransferId' | 'resolvedAt' | 'resolvedBy'> &
    Partial<Pick<RedemptionRow, 'approvalDecidedBy' | 'approvalDecidedAt'>>,
): Promise<RedemptionRow> {
  const [updated] = await db.update(exchangeRedemptions).set(values).where(eq(exchangeRedemptions.id, id)).returning();
  if (!updated) throw new Error(`Redemption ${id} vanished`);
  return updated;
}

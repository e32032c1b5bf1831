import { type PluginContext, uuidv7 } from '@lifelong/core';
import { eq, sql } from 'drizzle-orm';
import { TransferCodes } from '../codes.js';
import { exchangeRedemptions, exchangeResources } from '../shared/exchange/schema.js';
import { requireApplied } from '../shared/ledger-outcome.js';
import { RedemptionNotHeld } from './errors.js';
import type { RedemptionRow } from './store.js';

export type Resolution = 'delivered' | 'cancelled' | 'expired';

/**
 * Ends a held redemption exactly once: delivery posts the hold (the provider is paid), cancellation
 * and expiry void it (the payer gets it back) and return the unit to stock. The caller has locked
 * the row (`FOR UPDATE`), so a concurrent second resolution sees the new status and gets 409.
 */
export async function resolveRedemption(
  ctx: PluginContext,
  row: RedemptionRow,
  resolution: Resolution,
  resolvedBy: string,
): Promise<RedemptionRow> {
  if (row.status !== 'held') throw RedemptionNotHeld({ extensions: { status: row.status } });
  const resolveTransferId = uuidv7();
  requireApplied(
    await ctx.ledger.transfer([
      resolution === 'delivered'
        ? {
            id: resolveTransferId,
            pendingId: row.holdTransferId,
            flags: { postPending: true },
            code: TransferCodes.redemptionDelivered,
          }
        : {
            id: resolveTransferId,
            pendingId: row.holdTransferId,
            flags: { voidPending: true },
            code: TransferCodes.redemptionReleased,
          },
    ]),
    resolution === 'delivered' ? 'Paying the provider' : 'Releasing the hold',
  );
  if (resolution !== 'delivered') {
    await ctx.db
      .update(exchangeResources)
      .set({ stock: sql`${exchangeResources.stock} + 1` })
      .where(eq(exchangeResources.id, row.resourceId));
  }
  const [updated] = await ctx.db
    .update(exchangeRedemptions)
    .set({ status: resolution, resolveTransferId, resolvedAt: ctx.now(), resolvedBy })
    .where(eq(exchangeRedemptions.id, row.id))
    .returning();
  if (!updated) throw new Error(`Redemption ${row.id} vanished`);
  return updated;
}

import type { Queryable } from '@lifelong/core';
import { and, eq } from 'drizzle-orm';
import { poolSpendRequests } from './schema.js';

/**
 * Marks the executed spend request that paid for a redemption `refunded`: the redemption was
 * released (cancelled, declined or expired), so the pool has its points back and the request must
 * no longer read as spent. Nothing happens for a redemption no spend request paid for.
 */
export async function markSpendRefunded(db: Queryable, redemptionId: string, at: Date): Promise<void> {
  await db
    .update(poolSpendRequests)
    .set({ status: 'refunded', refundedAt: at })
    .where(and(eq(poolSpendRequests.redemptionId, redemptionId), eq(poolSpendRequests.status, 'executed')));
}

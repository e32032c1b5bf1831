import { type PluginContext, uuidv7 } from '@lifelong/core';
import { TransferCodes } from '../../codes.js';
import { ResourceRedeemed } from '../../events.js';
import { exchangeAccountOf } from '../accounts.js';
import { ledgerErrors } from '../ledger-outcome.js';
import { OutOfStock, ResourceWithdrawn, VouchersNotAccepted } from './errors.js';
import { insertRedemption, type RedemptionRow, type ResourceRow, takeOneFromStock } from './resources.js';
import { LEARNING_KINDS } from './schema.js';

export interface Payer {
  type: 'person' | 'group';
  id: string;
  /** The ledger account the hold is taken from (of `asset`). */
  accountId: string;
  asset: 'POINT' | 'VOUCHER';
}

/**
 * Redeems one unit of a resource: takes one from the stock (a guarded decrement, so concurrent
 * redemptions never oversell: the row lock queues them and the loser sees `stock = 0`), puts a
 * pending hold of the price on the payer's account in favour of the provider, and records it.
 * Everything is in the caller's transaction: a refused hold (too few points) throws and the stock
 * goes back with the rollback.
 */
export async function redeem(
  ctx: PluginContext,
  input: {
    resource: ResourceRow;
    payer: Payer;
    personId: string;
    holdHours: number;
    /** A minor's redemption waiting for a guardian (`pending-approval`) instead of `held`. */
    needsApproval?: boolean;
  },
): Promise<RedemptionRow> {
  const { resource, payer } = input;
  if (resource.status !== 'active') throw ResourceWithdrawn();
  if (payer.asset === 'VOUCHER' && !LEARNING_KINDS.includes(resource.kind)) {
    throw VouchersNotAccepted({ detail: `A ${resource.kind} cannot be paid with vouchers.` });
  }
  const taken = await takeOneFromStock(ctx.db, resource.id);
  if (!taken)
    throw OutOfStock({ detail: `"${resource.title}" has no stock left.`, extensions: { resourceId: resource.id } });

  const provider = await exchangeAccountOf(
    ctx,
    { type: resource.offeredByType, id: resource.offeredById },
    payer.asset,
  );
  const now = ctx.now();
  const row: RedemptionRow = {
    id: uuidv7(),
    resourceId: resource.id,
    regionId: resource.regionId,
    personId: input.personId,
    payerType: payer.type,
    payerId: payer.id,
    asset: payer.asset,
    amount: resource.price,
    holdTransferId: uuidv7(),
    resolveTransferId: null,
    status: input.needsApproval ? 'pending-approval' : 'held',
    expiresAt: new Date(now.getTime() + input.holdHours * 3_600_000),
    createdAt: now,
    resolvedAt: null,
    resolvedBy: null,
    approvalDecidedBy: null,
    approvalDecidedAt: null,
    expiryFailures: 0,
    expiryFailureReason: null,
    expiryFailedAt: null,
  };
  // No ledger timeout: expiry is this plugin's job, which restocks in the same transaction.
  await ctx.ledger.transferOrThrow(
    [
      {
        id: row.holdTransferId,
        debitAccountId: payer.accountId,
        creditAccountId: provider,
        amount: resource.price,
        code: TransferCodes.redemptionHold,
        flags: { pending: true },
        metadata: { redemptionId: row.id, resourceId: resource.id },
      },
    ],
    ledgerErrors('Holding the price'),
  );
  await insertRedemption(ctx.db, row);
  await ctx.emit(
    ResourceRedeemed,
    {
      redemptionId: row.id,
      resourceId: resource.id,
      personId: input.personId,
      regionId: resource.regionId,
      points: String(resource.price),
      asset: payer.asset,
      payer: { type: payer.type, id: payer.id },
    },
    { key: payer.id, regionId: resource.regionId },
  );
  return row;
}

import { type PluginContext, uuidv7, ValidationFailed } from '@lifelong/core';
import { creditBankService } from '@lifelong/plugin-credit-bank';
import { TransferCodes } from '../codes.js';
import type { Ctx, JobCtx } from '../context.js';
import { personOf } from '../context.js';
import {
  AlreadyOffered,
  EscrowFailed,
  InsufficientPoints,
  NeedClosed,
  NeedNotFound,
  OfferNotFound,
} from '../errors.js';
import { derivedId } from '../ids.js';
import { activeMember } from '../shared/members.js';
import type { NeedRow } from './schema.js';
import type { CreateNeedBody } from './schemas.js';
import {
  dueNeeds,
  insertNeed,
  insertOffer,
  listNeeds as listNeedRows,
  listOffers as listOfferRows,
  lockNeed,
  needRow,
  needView,
  offerRow,
  offerView,
  updateNeed,
} from './store.js';

// Learning needs with bounties. The bounty is a pending ledger transfer from the asker's POINT
// wallet into the plugin's bounty escrow: accepting an offer posts it and pays the escrow on to
// the provider in one linked chain; withdrawing or expiring voids it. Transfer ids derive from the
// need, so a replayed or parallel accept can only replay, never pay again.

const escrowAccount = (ctx: PluginContext) =>
  ctx
    .service(creditBankService)
    .account({ ownerType: 'plugin', ownerId: 'community', asset: 'POINT', purpose: 'bounty-escrow' });
const walletOf = (ctx: PluginContext, personId: string) =>
  ctx.service(creditBankService).account({ ownerType: 'person', ownerId: personId, asset: 'POINT', purpose: 'wallet' });

export async function createNeed(ctx: Ctx, body: CreateNeedBody) {
  const personId = personOf(ctx);
  await activeMember(ctx, personId);
  const { minBountyPoints, maxBountyPoints, needDays } = ctx.config;
  if (body.bountyPoints < minBountyPoints || body.bountyPoints > maxBountyPoints) {
    const message = `Region "${ctx.regionId}" takes bounties of ${minBountyPoints} to ${maxBountyPoints} points.`;
    throw ValidationFailed({
      detail: message,
      errors: [
        {
          path: '/body/bountyPoints',
          rule: body.bountyPoints < minBountyPoints ? 'minBountyPoints' : 'maxBountyPoints',
          message,
        },
      ],
    });
  }
  const now = ctx.now();
  const id = uuidv7();
  const escrowTransferId = derivedId('need', id, 'escrow');
  const wallet = await walletOf(ctx, personId);
  const amount = BigInt(body.bountyPoints);
  await ctx.ledger.transferOrThrow(
    [
      {
        id: escrowTransferId,
        debitAccountId: wallet,
        creditAccountId: await escrowAccount(ctx),
        amount,
        code: TransferCodes.bountyEscrow,
        flags: { pending: true },
        metadata: { needId: id },
      },
    ],
    {
      what: 'Bounty escrow',
      insufficientFunds: () => {
        return InsufficientPoints({
          detail: `A bounty of ${amount} points needs that many spendable points in your wallet.`,
          extensions: { bountyPoints: String(amount) },
        });
      },
      refused: () => EscrowFailed({ detail: 'The ledger refused to reserve the bounty.' }),
    },
  );
  const row = await insertNeed(ctx.db, {
    id,
    regionId: ctx.regionId,
    personId,
    title: body.title,
    description: body.description,
    stage: body.stage,
    format: body.format ?? null,
    bountyPoints: amount,
    status: 'open',
    escrowTransferId,
    deadline: new Date(now.getTime() + needDays * 86_400_000),
    createdAt: now,
  });
  return needView(row);
}

export async function listNeeds(ctx: Ctx, query: { limit?: number; cursor?: string }) {
  return listNeedRows(ctx.db, ctx.regionId, query.limit ?? 50, query.cursor);
}

async function need(ctx: Ctx, needId: string, lock = false): Promise<NeedRow> {
  const row = await needRow(ctx.db, ctx.regionId, needId, lock);
  if (!row) throw NeedNotFound({ detail: `No learning need ${needId} in region "${ctx.regionId}".` });
  return row;
}

/** The asker's own need, locked; anyone else gets 404 as for no need. */
async function ownNeed(ctx: Ctx, needId: string): Promise<NeedRow> {
  const row = await needRow(ctx.db, ctx.regionId, needId, true);
  if (!row || ctx.principal.kind !== 'person' || row.personId !== ctx.principal.id) {
    throw NeedNotFound({ detail: `No learning need ${needId} of yours in region "${ctx.regionId}".` });
  }
  return row;
}

export async function getNeed(ctx: Ctx, needId: string) {
  return needView(await need(ctx, needId));
}

const closed = (row: NeedRow, now: Date) =>
  row.status !== 'open'
    ? NeedClosed({ detail: `The need is ${row.status}.`, extensions: { status: row.status } })
    : row.deadline <= now
      ? NeedClosed({ detail: `The need's deadline ${row.deadline.toISOString()} has passed; its bounty is refunded.` })
      : null;

export async function createOffer(ctx: Ctx, needId: string, message: string) {
  const personId = personOf(ctx);
  await activeMember(ctx, personId);
  const row = await need(ctx, needId);
  const refusal = closed(row, ctx.now());
  if (refusal) throw refusal;
  await ctx.refuseConflictOfInterest({ action: 'answer this need', personIds: [row.personId] });
  const offer = await insertOffer(ctx.db, {
    needId: row.id,
    providerPersonId: personId,
    message,
    createdAt: ctx.now(),
  });
  if (!offer) throw AlreadyOffered({ detail: `You made an offer on need ${needId} already.` });
  return offerView(offer);
}

/** The asker sees every offer on their need; a provider only their own. */
export async function listOffers(ctx: Ctx, needId: string, query: { limit?: number; cursor?: string }) {
  const personId = personOf(ctx);
  const row = await need(ctx, needId);
  const only = row.personId === personId ? null : personId;
  return listOfferRows(ctx.db, row.id, only, query.limit ?? 50, query.cursor);
}

/**
 * Accepts an offer, once: the need row is locked, so of parallel accepts one pays and the others
 * see `accepted` (the same offer again answers as the first did; another offer is 409).
 */
export async function acceptOffer(ctx: Ctx, needId: string, offerId: string) {
  await personOf(ctx);
  const row = await ownNeed(ctx, needId);
  if (row.status === 'accepted' && row.acceptedOfferId === offerId) return needView(row);
  const refusal = closed(row, ctx.now());
  if (refusal) throw refusal;
  const offer = await offerRow(ctx.db, row.id, offerId);
  if (!offer) throw OfferNotFound({ detail: `No offer ${offerId} on need ${needId}.` });
  await ctx.refuseConflictOfInterest({ action: 'pay this provider', personIds: [offer.providerPersonId] });
  const payoutTransferId = derivedId('need', row.id, 'payout');
  const escrow = await escrowAccount(ctx);
  await ctx.ledger.transferOrThrow(
    [
      {
        id: derivedId('need', row.id, 'release'),
        pendingId: row.escrowTransferId,
        code: TransferCodes.bountyRelease,
        flags: { postPending: true, linked: true },
      },
      {
        id: payoutTransferId,
        debitAccountId: escrow,
        creditAccountId: await walletOf(ctx, offer.providerPersonId),
        amount: row.bountyPoints,
        code: TransferCodes.bountyPayout,
        metadata: { needId: row.id, offerId: offer.id },
      },
    ],
    { what: 'Bounty payout', refused: () => EscrowFailed({ detail: 'The ledger refused to pay the bounty.' }) },
  );
  return needView(
    await updateNeed(ctx.db, row.id, {
      status: 'accepted',
      acceptedOfferId: offer.id,
      payoutTransferId,
      resolvedAt: ctx.now(),
    }),
  );
}

/** Voids the bounty's reservation: the asker keeps their points. */
async function refund(ctx: PluginContext, row: NeedRow) {
  await ctx.ledger.transferOrThrow(
    [
      {
        id: derivedId('need', row.id, 'refund'),
        pendingId: row.escrowTransferId,
        code: TransferCodes.bountyRefund,
        flags: { voidPending: true },
      },
    ],
    { what: 'Bounty refund', refused: () => EscrowFailed({ detail: 'The ledger refused to refund the bounty.' }) },
  );
}

export async function withdrawNeed(ctx: Ctx, needId: string) {
  personOf(ctx);
  const row = await ownNeed(ctx, needId);
  if (row.status === 'withdrawn') return needView(row);
  if (row.status !== 'open')
    throw NeedClosed({ detail: `The need is ${row.status}.`, extensions: { status: row.status } });
  await refund(ctx, row);
  return needView(await updateNeed(ctx.db, row.id, { status: 'withdrawn', resolvedAt: ctx.now() }));
}

/**
 * The expiry job: open needs past their deadline are refunded and marked `expired`, each in its
 * own savepoint (one bad row never stops the others); safe to run twice and after a restart.
 */
export async function expireNeeds(ctx: JobCtx): Promise<number> {
  const now = ctx.now();
  let expired = 0;
  for (const { id } of await dueNeeds(ctx.db, now, 500)) {
    try {
      await ctx.transaction(async () => {
        const row = await lockNeed(ctx.db, id);
        if (row?.status !== 'open' || row.deadline > now) return;
        await refund(ctx, row);
        await updateNeed(ctx.db, id, { status: 'expired', resolvedAt: now });
        expired++;
      });
    } catch (error) {
      ctx.logger.error({ err: error, needId: id }, 'could not expire a learning need');
    }
  }
  return expired;
}

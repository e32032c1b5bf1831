import { type PluginRequestContext, uuidv7, ValidationFailed } from '@lifelong/core';
import { TransferCodes } from '../codes.js';
import type { CreditBankConfig } from '../config.js';
import { FamilyTransferMade } from '../events.js';
import { conversionAccountOf, pointWalletOf, voucherAccountOf } from '../shared/accounts.js';
import { MinorCannotSend } from '../shared/errors.js';
import { memberOf } from '../shared/group.js';
import { ledgerErrors } from '../shared/ledger-outcome.js';
import {
  AnnualCapExceeded,
  InexactConversion,
  NotAFamily,
  ReceiverNotYounger,
  SenderRoleNotAllowed,
} from './errors.js';
import type { FamilyTransfer, FamilyTransferBody } from './schemas.js';
import {
  addToAllowance,
  type FamilyTransferRow,
  insertTransfer,
  lockAllowance,
  sentPointsOf,
  transfersPage,
} from './store.js';

type Ctx = PluginRequestContext<typeof CreditBankConfig>;

/** Generations in a family group: a sender gives only to a later one. */
const GENERATION: Record<string, number> = { elder: 0, parent: 1, child: 2 };

/**
 * An elder or parent converts POINTs into learning VOUCHERs for a younger member: two linked
 * ledger transfers through the region's conversion accounts (POINT in, VOUCHER out), so both
 * happen or neither does, counted against the sender's annual cap under a lock on their year row.
 */
export async function makeFamilyTransfer(ctx: Ctx, groupId: string, body: FamilyTransferBody) {
  const { group, personId: senderId, role: senderRole } = await memberOf(ctx, groupId);
  if (group.type !== 'family') throw NotAFamily();
  const sender = await ctx.identity.personById(senderId);
  if (!sender || sender.isMinor) throw MinorCannotSend();
  if (senderRole !== 'elder' && senderRole !== 'parent') throw SenderRoleNotAllowed();

  const receiver = await ctx.identity.person(body.to);
  const receiverRole = receiver ? await ctx.identity.groupRole(group.id, receiver.id) : null;
  if (!receiver || !receiverRole || receiver.id === senderId) {
    throw ValidationFailed({
      errors: [{ path: '/body/to', rule: 'family-member', message: 'Not another member of this family group' }],
    });
  }
  if ((GENERATION[receiverRole] ?? 0) <= (GENERATION[senderRole] ?? 0)) throw ReceiverNotYounger();

  // No rounding: a transfer converts exactly or is refused, so nobody loses a fraction of a voucher.
  const rate = ctx.config.family.conversion;
  const points = BigInt(body.points);
  const scaled = points * BigInt(rate.vouchers);
  if (scaled % BigInt(rate.points) !== 0n) {
    throw InexactConversion({
      detail: `${rate.points} points make ${rate.vouchers} vouchers; send a multiple of ${rate.points / gcd(rate.points, rate.vouchers)} points.`,
      extensions: { conversion: rate },
    });
  }
  const vouchers = scaled / BigInt(rate.points);

  const now = ctx.now();
  const year = now.getUTCFullYear();
  const sent = await lockAllowance(ctx.db, senderId, year);
  const cap = BigInt(ctx.config.family.annualCapPoints);
  if (sent + points > cap) {
    throw AnnualCapExceeded({
      extensions: {
        capPoints: String(cap),
        sentPoints: String(sent),
        remainingPoints: String(cap > sent ? cap - sent : 0n),
      },
    });
  }

  const row: FamilyTransferRow = {
    id: uuidv7(),
    groupId: group.id,
    regionId: group.regionId,
    fromPersonId: senderId,
    fromLearnerNumber: sender.learnerNumber,
    toPersonId: receiver.id,
    toLearnerNumber: receiver.learnerNumber,
    points,
    vouchers,
    year,
    outTransferId: uuidv7(),
    inTransferId: uuidv7(),
    createdAt: now,
  };
  const metadata = { familyTransferId: row.id, groupId: group.id };
  await ctx.ledger.transferOrThrow(
    [
      {
        id: row.outTransferId,
        debitAccountId: await pointWalletOf(ctx, senderId),
        creditAccountId: await conversionAccountOf(ctx, group.regionId, 'POINT'),
        amount: points,
        code: TransferCodes.familyConversionOut,
        flags: { linked: true },
        metadata,
      },
      {
        id: row.inTransferId,
        debitAccountId: await conversionAccountOf(ctx, group.regionId, 'VOUCHER'),
        creditAccountId: await voucherAccountOf(ctx, receiver.id),
        amount: vouchers,
        code: TransferCodes.familyConversionIn,
        metadata,
      },
    ],
    ledgerErrors('Converting points into vouchers'),
  );
  await insertTransfer(ctx.db, row);
  await addToAllowance(ctx.db, senderId, year, points);
  await ctx.emit(
    FamilyTransferMade,
    {
      transferId: row.id,
      groupId: group.id,
      fromPersonId: senderId,
      toPersonId: receiver.id,
      guardianIds: receiver.isMinor ? await ctx.identity.guardiansOf(receiver.id) : [],
      points: String(points),
      vouchers: String(vouchers),
    },
    { key: group.id },
  );
  return row;
}

/** What the person converted this year and what the region's cap still allows. */
export async function allowanceOf(ctx: Ctx, personId: string) {
  const year = ctx.now().getUTCFullYear();
  const sent = await sentPointsOf(ctx.db, personId, year);
  const cap = BigInt(ctx.config.family.annualCapPoints);
  return {
    year,
    capPoints: String(cap),
    sentPoints: String(sent),
    remainingPoints: String(cap > sent ? cap - sent : 0n),
    conversion: ctx.config.family.conversion,
  };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

export const familyTransferView = (row: FamilyTransferRow): FamilyTransfer => ({
  id: row.id,
  groupId: row.groupId,
  from: row.fromLearnerNumber,
  to: row.toLearnerNumber,
  points: String(row.points),
  vouchers: String(row.vouchers),
  createdAt: row.createdAt.toISOString(),
});

/** A page of the family group's transfers, oldest first (members only; other groups are not families). */
export async function listFamilyTransfers(ctx: Ctx, groupId: string, query: { cursor?: string; limit?: number }) {
  const { group } = await memberOf(ctx, groupId);
  if (group.type !== 'family') throw NotAFamily();
  const page = await transfersPage(ctx.db, group.id, query.cursor, query.limit ?? 50);
  return { items: page.items.map(familyTransferView), nextCursor: page.nextCursor };
}

import type { TransferInput } from '@lifelong/core';
import { creditBankService } from '@lifelong/plugin-credit-bank';
import type { Static } from '@sinclair/typebox';
import { TransferCodes } from '../codes.js';
import type { Ctx } from '../context.js';
import { InsufficientFunds, PaymentFailed, PricingMisconfigured } from '../errors.js';
import { derivedId } from '../ids.js';
import { type Share, splitPayment } from './compute.js';
import type { PricingConfig } from './config.js';

export interface PaymentInput {
  enrolmentId: string;
  courseId: string;
  personId: string;
  teacherPersonId: string;
  institutionId: string | null;
  asset: string;
  amount: bigint;
  config: Static<typeof PricingConfig>;
}

export interface PaymentOutcome {
  share: Share;
  transferIds: string[];
  /** The asset paid: the price's asset, or `VOUCHER` when family vouchers paid for it. */
  asset: string;
}

/** Learning vouchers (credit bank, family feature): scale 0, one stands for one POINT. */
const VOUCHER = 'VOUCHER';

interface Payer {
  accountId: string;
  asset: string;
  what: 'wallet' | 'vouchers';
}

/** What the account can spend now: posted credits less posted and pending debits. */
async function spendable(ctx: Ctx, accountId: string): Promise<bigint> {
  const account = await ctx.ledger.getAccount(accountId);
  return account ? account.creditsPosted - account.debitsPosted - account.debitsPending : 0n;
}

/**
 * Which of the learner's accounts pays: their VOUCHERs when the region accepts them for a
 * POINT price and they cover all of it (vouchers are only good for learning, so they go first),
 * else their wallet. Always the learner's own accounts: the ledger policy lets this plugin debit a
 * person's account only in a request of that person.
 */
async function payerOf(ctx: Ctx, input: PaymentInput): Promise<Payer> {
  const bank = ctx.service(creditBankService);
  if (input.config.acceptVouchers && input.asset === 'POINT') {
    const vouchers = await bank.account({
      ownerType: 'person',
      ownerId: input.personId,
      asset: VOUCHER,
      purpose: 'voucher',
    });
    if ((await spendable(ctx, vouchers)) >= input.amount)
      return { accountId: vouchers, asset: VOUCHER, what: 'vouchers' };
  }
  const wallet = await bank.account({
    ownerType: 'person',
    ownerId: input.personId,
    asset: input.asset,
    purpose: 'wallet',
  });
  return { accountId: wallet, asset: input.asset, what: 'wallet' };
}

/** The plugin's own accounts are owned by the plugin: the clearing account and the platform's revenue. */
const PLUGIN_OWNER = { ownerType: 'plugin', ownerId: 'teacher-development' } as const;

/**
 * Pays for an enrolment as ONE linked chain: the learner's wallet (or their vouchers, see
 * `payerOf`) pays the whole price into the center's clearing account, which passes each share on
 * (teacher, institution, platform) in the same asset. Either every leg posts or none does; a share
 * of zero has no leg (the ledger refuses zero amounts). The teacher's and the institution's shares
 * land in accounts they own (purpose `teaching-revenue`), which their account list shows them.
 */
export async function payForEnrolment(ctx: Ctx, input: PaymentInput): Promise<PaymentOutcome> {
  const { teacherBps, institutionBps } = input.config.revenueShare;
  if (teacherBps + institutionBps > 10_000) {
    throw PricingMisconfigured({
      detail: `The revenue shares of region "${ctx.regionId}" add up to more than 100% (${teacherBps} + ${institutionBps} bps).`,
    });
  }
  const share = splitPayment(input.amount, input.config, input.institutionId !== null);
  const bank = ctx.service(creditBankService);
  const payer = await payerOf(ctx, input);
  const asset = payer.asset;
  const clearing = await bank.account({ ...PLUGIN_OWNER, asset, purpose: 'enrolment-clearing' });
  const legs: { name: string; to: () => Promise<string>; amount: bigint; code: number }[] = [
    {
      name: 'teacher',
      to: () =>
        bank.account({ ownerType: 'person', ownerId: input.teacherPersonId, asset, purpose: 'teaching-revenue' }),
      amount: share.teacher,
      code: TransferCodes.revenueShareTeacher,
    },
    {
      name: 'institution',
      to: () =>
        bank.account({
          ownerType: 'institution',
          ownerId: input.institutionId ?? '',
          asset,
          purpose: 'teaching-revenue',
        }),
      amount: share.institution,
      code: TransferCodes.revenueShareInstitution,
    },
    {
      name: 'platform',
      to: () => bank.account({ ...PLUGIN_OWNER, asset, purpose: 'platform-revenue' }),
      amount: share.platform,
      code: TransferCodes.revenueSharePlatform,
    },
  ];
  const metadata = { enrolmentId: input.enrolmentId, courseId: input.courseId };
  const transfers: TransferInput[] = [
    {
      id: derivedId('enrolment', input.enrolmentId, 'payment'),
      debitAccountId: payer.accountId,
      creditAccountId: clearing,
      amount: input.amount,
      code: TransferCodes.enrolmentPayment,
      metadata,
    },
  ];
  for (const leg of legs) {
    if (leg.amount === 0n) continue;
    transfers.push({
      id: derivedId('enrolment', input.enrolmentId, leg.name),
      debitAccountId: clearing,
      creditAccountId: await leg.to(),
      amount: leg.amount,
      code: leg.code,
      metadata,
    });
  }
  const chain = transfers.map((transfer, i) =>
    i < transfers.length - 1 ? { ...transfer, flags: { ...transfer.flags, linked: true } } : transfer,
  );
  const results = await ctx.ledger.transfer(chain);
  if (results.some((r) => r.status !== 'created')) {
    // The member that failed reports its own code; the rest of the chain says linkedEventFailed.
    const failed = results.find((r) => r.status !== 'created' && r.status !== 'linkedEventFailed');
    if (failed?.status === 'exceedsCredits' && failed.id === transfers[0]?.id) {
      const balance = await spendable(ctx, payer.accountId);
      throw InsufficientFunds({
        detail: `The course costs ${input.amount} ${asset}; your ${payer.what} hold${payer.what === 'wallet' ? 's' : ''} ${balance}.`,
        extensions: { price: String(input.amount), balance: String(balance), asset },
      });
    }
    throw PaymentFailed({ detail: `The ledger refused the payment: ${failed?.status ?? 'unknown'}.` });
  }
  return { share, transferIds: transfers.map((t) => t.id), asset };
}

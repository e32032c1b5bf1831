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
}

/** The plugin's own accounts are owned by the plugin: the clearing account and the platform's revenue. */
const PLUGIN_OWNER = { ownerType: 'plugin', ownerId: 'teacher-development' } as const;

/**
 * Pays for an enrolment as ONE linked chain: the learner's wallet pays the whole price into the
 * center's clearing account, which passes each share on (teacher, institution, platform). Either
 * every leg posts or none does; a share of zero has no leg (the ledger refuses zero amounts).
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
  const asset = input.asset;
  const wallet = await bank.account({ ownerType: 'person', ownerId: input.personId, asset, purpose: 'wallet' });
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
      debitAccountId: wallet,
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
      const account = await ctx.ledger.getAccount(wallet);
      const balance = account ? account.creditsPosted - account.debitsPosted - account.debitsPending : 0n;
      throw InsufficientFunds({
        detail: `The course costs ${input.amount} ${asset}; your wallet holds ${balance}.`,
        extensions: { price: String(input.amount), balance: String(balance), asset },
      });
    }
    throw PaymentFailed({ detail: `The ledger refused the payment: ${failed?.status ?? 'unknown'}.` });
  }
  return { share, transferIds: transfers.map((t) => t.id) };
}

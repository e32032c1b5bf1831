import type { PluginRequestContext } from '@lifelong/core';
import { actorId } from '../access.js';
import { TransferCodes } from '../codes.js';
import type { CreditBankConfig } from '../config.js';
import { derivedId } from '../ids.js';
import { creditAccountOf, issuanceAccountOf } from '../shared/accounts.js';
import { RecordAlreadyWithdrawn } from '../shared/errors.js';
import { lockPeople, type RecordRow, removeFromTotals, transferOrThrow } from '../shared/records/award.js';
import { countRecords } from '../shared/records/totals.js';
import { findRecord, markWithdrawn } from './store.js';

/**
 * Withdraws a record: it stays, marked withdrawn with the reason, who and when. Its CREDITs go
 * back to issuance by a correcting transfer (the ledger never edits a posting), and its periods'
 * totals shrink, so the credits no longer count towards caps or the transcript. Points already
 * minted stay in the wallet: they may have been spent, and a wallet must never go negative.
 */
export async function withdrawRecord(
  ctx: PluginRequestContext<typeof CreditBankConfig>,
  record: RecordRow,
  reason: string,
): Promise<RecordRow> {
  await lockPeople(ctx, [record.personId]);
  const withdrawn = await markWithdrawn(ctx.db, record.id, { reason, at: ctx.now(), by: actorId(ctx) });
  if (!withdrawn) {
    const current = await findRecord(ctx.db, record.id);
    throw RecordAlreadyWithdrawn({ detail: `Withdrawn on ${current.withdrawnAt?.toISOString()}.` });
  }
  await countRecords(ctx, [withdrawn], -1);
  if (withdrawn.credits > 0n) {
    await removeFromTotals(ctx, withdrawn.personId, [withdrawn.yearPeriod, withdrawn.termPeriod], withdrawn.credits);
    await transferOrThrow(ctx, [
      {
        id: derivedId('record', withdrawn.id, 'withdrawal'),
        debitAccountId: await creditAccountOf(ctx, withdrawn.personId),
        creditAccountId: await issuanceAccountOf(ctx, 'CREDIT'),
        amount: withdrawn.credits,
        code: TransferCodes.creditWithdrawn,
        metadata: { recordId: withdrawn.id },
      },
    ]);
  }
  return withdrawn;
}

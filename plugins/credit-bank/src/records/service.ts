import { NotFound, type PluginRequestContext } from '@lifelong/core';
import { actorId, readablePerson, requireReadPerson } from '../access.js';
import { TransferCodes } from '../codes.js';
import type { CreditBankConfig } from '../config.js';
import { RecordWithdrawn } from '../events.js';
import { derivedId } from '../ids.js';
import { creditAccountOf, issuanceAccountOf } from '../shared/accounts.js';
import { PeopleOnly, RecordAlreadyWithdrawn } from '../shared/errors.js';
import { type RecordRow, transferOrThrow } from '../shared/records/award.js';
import { lockPeople, removeFromTotals } from '../shared/records/store.js';
import { countRecords } from '../shared/records/totals.js';
import { findRecord, listRecords, markWithdrawn } from './store.js';

// The records feature's rules: who reads which records, and how a record is withdrawn.

type Ctx = PluginRequestContext<typeof CreditBankConfig>;
type PageQuery = { limit?: number | undefined; cursor?: string | undefined };

/** The signed-in person's own records. */
export const myRecords = (ctx: Ctx, query: PageQuery) =>
  listRecords(ctx.db, ctx.requirePerson(PeopleOnly), query.limit ?? 50, query.cursor);

/** A person's records, for those who may read them (403 alike for an unknown and a hidden person). */
export async function personRecords(ctx: Ctx, learnerNumber: string, query: PageQuery) {
  const person = await readablePerson(ctx, learnerNumber);
  return listRecords(ctx.db, person.id, query.limit ?? 50, query.cursor);
}

/** One record, for those who may read its person's records. */
export async function recordFor(ctx: Ctx, recordId: string): Promise<RecordRow> {
  const record = await findRecord(ctx.db, recordId);
  const person = await ctx.identity.personById(record.personId);
  if (!person) throw NotFound({ detail: `Record ${record.id} belongs to a person who no longer exists.` });
  await requireReadPerson(ctx, person);
  return record;
}

/**
 * Withdraws a record (`records.withdraw` in its region): it stays, marked withdrawn with the
 * reason, who and when. Its CREDITs go back to issuance by a correcting transfer (the ledger never
 * edits a posting), and its periods' totals shrink, so the credits no longer count towards caps or
 * the transcript. Points already minted stay in the wallet: they may have been spent, and a wallet
 * must never go negative.
 */
export async function withdrawRecord(ctx: Ctx, recordId: string, reason: string): Promise<RecordRow> {
  const record = await findRecord(ctx.db, recordId);
  ctx.require('records.withdraw', { regionId: record.regionId });
  await lockPeople(ctx.db, [record.personId]);
  const withdrawn = await markWithdrawn(ctx.db, record.id, { reason, at: ctx.now(), by: actorId(ctx) });
  if (!withdrawn) {
    const current = await findRecord(ctx.db, record.id);
    throw RecordAlreadyWithdrawn({ detail: `Withdrawn on ${current.withdrawnAt?.toISOString()}.` });
  }
  await countRecords(ctx, [withdrawn], -1);
  if (withdrawn.credits > 0n) {
    await removeFromTotals(ctx.db, withdrawn.personId, [withdrawn.yearPeriod, withdrawn.termPeriod], withdrawn.credits);
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
  await ctx.emit(
    RecordWithdrawn,
    { recordId: withdrawn.id, personId: withdrawn.personId, regionId: withdrawn.regionId },
    { key: withdrawn.personId, regionId: withdrawn.regionId },
  );
  ctx.logger.info({ recordId: record.id, regionId: record.regionId }, 'learning record withdrawn');
  return withdrawn;
}

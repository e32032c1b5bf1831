import { ConflictOfInterestError, NotFound, type PluginRequestContext, ValidationFailed } from '@lifelong/core';
import { actorId, readablePerson, requireReadPerson } from '../access.js';
import { TransferCodes } from '../codes.js';
import type { CreditBankConfig } from '../config.js';
import { RecordWithdrawn } from '../events.js';
import { derivedId } from '../ids.js';
import { creditAccountOf, issuanceAccountOf } from '../shared/accounts.js';
import { PeopleOnly, RecordAlreadyWithdrawn } from '../shared/errors.js';
import { providerChecker } from '../shared/providers/accreditation.js';
import { recordingInstitution } from '../shared/providers/recording-institution.js';
import { type Awarded, awardRecord, type RecordRow, transferOrThrow } from '../shared/records/award.js';
import { futureDateError } from '../shared/records/dates.js';
import { lockPeople, removeFromTotals } from '../shared/records/store.js';
import { countRecords } from '../shared/records/totals.js';
import type { EnterRecordBody } from './schemas.js';
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

/** Where records entered by hand come from: the providing institution (`sourceRef` is its externalId). */
export const manualSource = (institutionId: string) => `manual:${institutionId}`;

/**
 * Enters one record by hand, under the rules an import row meets (imports/process.ts): the
 * institution accredited for the stage and level on the date, no future date, no credits for the
 * institution's own staff, and none for the caller themself or those close to them. Idempotent on
 * institution + externalId: a repeat answers the record already made (`status: "duplicate"`).
 */
export async function enterRecord(ctx: Ctx, learnerNumber: string, body: EnterRecordBody): Promise<Awarded> {
  const institution = await recordingInstitution(ctx, body.institutionId, '/body/institutionId');
  const future = futureDateError(new Date(body.completedAt), ctx.now(), '/body/completedAt');
  if (future) throw ValidationFailed({ detail: 'The learning has not happened yet.', errors: [future] });
  const person = await ctx.identity.person(learnerNumber);
  if (!person) {
    throw ValidationFailed({
      errors: [{ path: '/params/learnerNumber', rule: 'personExists', message: 'No person with this learner number' }],
    });
  }
  await ctx.refuseConflictOfInterest({ action: "enter this person's learning record", personIds: [person.id] });
  if (await ctx.identity.conflictOfInterest(person.id, { institutionIds: [institution.id] })) {
    throw ConflictOfInterestError({
      detail: 'The institution cannot credit its own staff for its own provision.',
      extensions: { rule: 'institution', action: "enter this person's learning record" },
    });
  }
  const accredited = await providerChecker(ctx, institution.id, 'award');
  if (!accredited({ stage: body.stage, level: body.level, at: new Date(body.completedAt) })) {
    throw ValidationFailed({
      errors: [
        {
          path: '/body/completedAt',
          rule: 'accreditedProvider',
          message: 'The institution was not accredited for this stage and level on this date',
        },
      ],
    });
  }
  const awarded = await awardRecord(
    ctx,
    {
      origin: 'manual',
      source: manualSource(institution.id),
      sourceRef: body.externalId,
      personId: person.id,
      regionId: institution.regionId,
      equivalenceKey: body.equivalenceKey ?? body.title.trim().toLowerCase(),
      title: body.title,
      providerInstitutionId: institution.id,
      stage: body.stage,
      level: body.level,
      learningOutcomes: body.learningOutcomes,
      workloadHours: body.workloadHours,
      assessment: body.assessment,
      form: body.form,
      completedAt: body.completedAt,
    },
    '/body',
  );
  ctx.logger.info(
    { recordId: awarded.recordId, institutionId: institution.id, enteredBy: actorId(ctx), status: awarded.status },
    'learning record entered by hand',
  );
  return awarded;
}

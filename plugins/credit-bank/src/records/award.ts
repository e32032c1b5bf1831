import { fieldErrors, type PluginContext, uuidv7, ValidationFailed } from '@lifelong/core';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { creditAccountOf, issuanceAccountOf, pointWalletOf } from '../accounts.js';
import { TransferCodes } from '../codes.js';
import { type AwardOutcome, CompletionInput } from '../completion.js';
import type { CreditBankConfig } from '../config.js';
import { LedgerRefused, PersonNotVerified } from '../errors.js';
import { CreditAwarded, RecordCreated } from '../events.js';
import { derivedId } from '../ids.js';
import type { RecordsConfig } from './config.js';
import { creditsFor, periodsOf, pointsFor, toMinorCredits } from './rules.js';
import { creditTotals, records } from './schema.js';

type Ctx = PluginContext<typeof CreditBankConfig>;
export type RecordRow = typeof records.$inferSelect;

/** A piece of learning to record, whatever reported it. */
export interface NewRecord {
  origin: RecordRow['origin'];
  source: string;
  sourceRef: string;
  personId: string;
  regionId: string;
  equivalenceKey: string;
  title: string;
  providerInstitutionId?: string | null | undefined;
  stage: string;
  level?: string | undefined;
  learningOutcomes: string[];
  workloadHours: number;
  assessment: { type: string; score?: number | undefined };
  form: string;
  completedAt: string;
  evidence?: string[] | undefined;
}

export interface Awarded extends AwardOutcome {
  record: RecordRow;
}

/** Turns a completion into a record, credits and points by the region's rules (see service.ts). */
export async function awardForCompletion(ctx: Ctx, input: CompletionInput): Promise<AwardOutcome> {
  const errors = fieldErrors(CompletionInput, input, '');
  if (errors.length > 0) throw ValidationFailed({ detail: 'The completion does not fit CompletionInput.', errors });
  const { status, recordId, credits, points } = await awardRecord(ctx, { ...input, origin: 'completion' }, '');
  return { status, recordId, credits, points };
}

/**
 * Records a piece of learning and awards its credits and points, in the caller's transaction.
 * Idempotent on source + sourceRef (the original outcome comes back as `duplicate`); a person's
 * awards are serialised on their lifetime totals row, so caps and equivalence hold under
 * concurrency. `path` prefixes field errors (e.g. `/body`, `/rows/7`).
 */
export async function awardRecord(ctx: Ctx, input: NewRecord, path: string): Promise<Awarded> {
  await requireRecipient(ctx, input, path);
  await lockPerson(ctx, input.personId);

  const [existing] = await ctx.db
    .select()
    .from(records)
    .where(and(eq(records.source, input.source), eq(records.sourceRef, input.sourceRef)));
  if (existing) return outcomeOf(existing, 'duplicate');

  const rules = (await ctx.configFor(input.regionId)).records;
  const completedAt = new Date(input.completedAt);
  const periods = periodsOf(completedAt, rules.termStartMonths);
  const learning = { workloadHours: input.workloadHours, level: input.level ?? 'none', assessment: input.assessment };

  let outcome: RecordRow['outcome'] = 'awarded';
  let credits = 0n;
  if (await hasEquivalent(ctx, input.personId, input.equivalenceKey)) {
    outcome = 'equivalent';
  } else {
    const earned = creditsFor(learning, rules);
    credits = await withinCaps(ctx, input.personId, periods, earned, rules);
    if (credits < earned) outcome = 'capped';
  }
  const points = pointsFor(credits, rules);

  const [record] = await ctx.db
    .insert(records)
    .values({
      id: uuidv7(),
      personId: input.personId,
      regionId: input.regionId,
      title: input.title,
      providerInstitutionId: input.providerInstitutionId ?? null,
      stage: input.stage,
      level: learning.level,
      learningOutcomes: input.learningOutcomes,
      workloadHours: String(input.workloadHours),
      assessmentType: input.assessment.type,
      assessmentScore: input.assessment.score === undefined ? null : String(input.assessment.score),
      form: input.form,
      completedAt,
      evidence: input.evidence ?? [],
      credits,
      points,
      outcome,
      origin: input.origin,
      source: input.source,
      sourceRef: input.sourceRef,
      equivalenceKey: input.equivalenceKey,
      yearPeriod: periods.year,
      termPeriod: periods.term,
      createdAt: ctx.now(),
    })
    .returning();
  if (!record) throw new Error('insert returned no record');

  if (credits > 0n) {
    await addToTotals(ctx, input.personId, [periods.year, periods.term], credits);
    await mint(ctx, record);
  }
  await ctx.emit(
    RecordCreated,
    { recordId: record.id, personId: record.personId, regionId: record.regionId, origin: record.origin },
    { key: record.personId, regionId: record.regionId },
  );
  if (credits > 0n) {
    await ctx.emit(
      CreditAwarded,
      {
        recordId: record.id,
        personId: record.personId,
        regionId: record.regionId,
        credits: String(credits),
        points: String(points),
      },
      { key: record.personId, regionId: record.regionId },
    );
  }
  return outcomeOf(record, outcome);
}

const outcomeOf = (record: RecordRow, status: AwardOutcome['status']): Awarded => ({
  status,
  recordId: record.id,
  credits: String(record.credits),
  points: String(record.points),
  record,
});

/** The person must exist (400 naming the field) and be verified (credits are for verified people). */
async function requireRecipient(ctx: Ctx, input: NewRecord, path: string): Promise<void> {
  const person = await ctx.identity.personById(input.personId);
  if (!person) {
    throw ValidationFailed({
      errors: [{ path: `${path}/personId`, rule: 'personExists', message: 'No such person' }],
    });
  }
  if (person.status !== 'verified') {
    throw PersonNotVerified({ detail: 'The person must verify their identity before credits can be recorded.' });
  }
  if (!(await ctx.enabledRegions()).includes(input.regionId)) {
    throw ValidationFailed({
      errors: [
        { path: `${path}/regionId`, rule: 'regionEnabled', message: 'The credit bank is not enabled in this region' },
      ],
    });
  }
  if (input.providerInstitutionId && !(await ctx.identity.institution(input.providerInstitutionId))) {
    throw ValidationFailed({
      errors: [{ path: `${path}/providerInstitutionId`, rule: 'institutionExists', message: 'No such institution' }],
    });
  }
}

/**
 * Takes the person's award lock: their lifetime totals row, created on first use. Every award
 * and withdrawal of one person runs one after another from here to the end of the transaction.
 */
export async function lockPerson(ctx: Ctx, personId: string): Promise<void> {
  await ctx.db.insert(creditTotals).values({ personId, period: 'all' }).onConflictDoNothing();
  await ctx.db
    .select({ period: creditTotals.period })
    .from(creditTotals)
    .where(and(eq(creditTotals.personId, personId), eq(creditTotals.period, 'all')))
    .for('update');
}

async function hasEquivalent(ctx: Ctx, personId: string, equivalenceKey: string): Promise<boolean> {
  const [row] = await ctx.db
    .select({ id: records.id })
    .from(records)
    .where(
      and(eq(records.personId, personId), eq(records.equivalenceKey, equivalenceKey), eq(records.status, 'active')),
    )
    .limit(1);
  return row !== undefined;
}

async function withinCaps(
  ctx: Ctx,
  personId: string,
  periods: { year: string; term: string },
  earned: bigint,
  rules: RecordsConfig,
): Promise<bigint> {
  const caps = new Map<string, bigint>();
  if (rules.capPerYear !== undefined) caps.set(periods.year, toMinorCredits(rules.capPerYear));
  if (rules.capPerTerm !== undefined) caps.set(periods.term, toMinorCredits(rules.capPerTerm));
  if (caps.size === 0 || earned === 0n) return earned;
  const totals = await ctx.db
    .select()
    .from(creditTotals)
    .where(and(eq(creditTotals.personId, personId), inArray(creditTotals.period, [...caps.keys()])));
  let allowed = earned;
  for (const [period, cap] of caps) {
    const used = totals.find((t) => t.period === period)?.credits ?? 0n;
    const left = cap > used ? cap - used : 0n;
    if (left < allowed) allowed = left;
  }
  return allowed;
}

/** Adds credits to the person's lifetime, year and term totals. */
export async function addToTotals(ctx: Ctx, personId: string, periods: string[], credits: bigint): Promise<void> {
  await ctx.db
    .insert(creditTotals)
    .values(['all', ...periods].map((period) => ({ personId, period, credits })))
    .onConflictDoUpdate({
      target: [creditTotals.personId, creditTotals.period],
      set: { credits: sql`${creditTotals.credits} + excluded.credits` },
    });
}

/** Takes a withdrawn record's credits off the totals it counted towards (rows exist since the award). */
export async function removeFromTotals(ctx: Ctx, personId: string, periods: string[], credits: bigint): Promise<void> {
  await ctx.db
    .update(creditTotals)
    .set({ credits: sql`${creditTotals.credits} - ${credits}` })
    .where(and(eq(creditTotals.personId, personId), inArray(creditTotals.period, ['all', ...periods])));
}

/** Mints the record's CREDITs into the person's record account and POINTs into their wallet, as one. */
async function mint(ctx: Ctx, record: RecordRow): Promise<void> {
  const creditTransfer = {
    id: derivedId('record', record.id, 'credit'),
    debitAccountId: await issuanceAccountOf(ctx, 'CREDIT'),
    creditAccountId: await creditAccountOf(ctx, record.personId),
    amount: record.credits,
    code: TransferCodes.creditAwarded,
    metadata: { recordId: record.id },
  };
  const transfers =
    record.points > 0n
      ? [
          { ...creditTransfer, flags: { linked: true } },
          {
            id: derivedId('record', record.id, 'points'),
            debitAccountId: await issuanceAccountOf(ctx, 'POINT'),
            creditAccountId: await pointWalletOf(ctx, record.personId),
            amount: record.points,
            code: TransferCodes.pointsAwarded,
            metadata: { recordId: record.id },
          },
        ]
      : [creditTransfer];
  await transferOrThrow(ctx, transfers);
}

/** Posts transfers and throws (rolling the request back) unless each was created or replayed. */
export async function transferOrThrow(ctx: Ctx, transfers: Parameters<Ctx['ledger']['transfer']>[0]) {
  const results = await ctx.ledger.transfer(transfers);
  const failed = results.find((r) => r.status !== 'created' && r.status !== 'exists');
  if (failed) {
    throw LedgerRefused({ detail: `Transfer ${failed.id}: ${failed.status}`, extensions: { status: failed.status } });
  }
}

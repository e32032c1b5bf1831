import { type FailedTransfer, fieldErrors, type PluginContext, uuidv7, ValidationFailed } from '@lifelong/core';
import { TransferCodes } from '../../codes.js';
import { type AwardOutcome, CompletionInput } from '../../completion.js';
import type { CreditBankConfig } from '../../config.js';
import { CreditAwarded, RecordCreated } from '../../events.js';
import { derivedId } from '../../ids.js';
import { creditAccountOf, issuanceAccountOf, pointWalletOf } from '../accounts.js';
import { PersonNotVerified } from '../errors.js';
import { ledgerRefused } from '../ledger-outcome.js';
import type { RecordsConfig } from './config.js';
import { futureDateError } from './dates.js';
import { creditsFor, periodsOf, pointsFor, toMinorCredits } from './rules.js';
import type { records } from './schema.js';
import { activeEquivalences, addToTotals, existingRecords, insertRecords, loadTotals, lockPeople } from './store.js';
import { countRecords } from './totals.js';

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
  const future = futureDateError(new Date(input.completedAt), ctx.now(), '/completedAt');
  if (future) throw ValidationFailed({ detail: 'The completion has not happened yet.', errors: [future] });
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
  const [awarded] = await awardMany(ctx, [input]);
  if (!awarded) throw new Error('awardMany returned no outcome');
  return awarded;
}

/**
 * The award logic for many records at once (bulk import): a few statements per batch instead of
 * a dozen per record. Inputs must already be valid, their people verified and their regions
 * enabled. Outcomes come back in input order; within the batch, rows are decided in order, so
 * a later duplicate or equivalent row sees the earlier one.
 */
export async function awardMany(ctx: Ctx, inputs: NewRecord[]): Promise<Awarded[]> {
  if (inputs.length === 0) return [];
  const personIds = [...new Set(inputs.map((i) => i.personId))].sort();
  await lockPeople(ctx.db, personIds);

  const existing = await existingRecords(ctx.db, inputs);
  const active = await activeEquivalences(ctx.db, personIds, [...new Set(inputs.map((i) => i.equivalenceKey))]);
  const rulesOf = new Map<string, RecordsConfig>();
  for (const regionId of new Set(inputs.map((i) => i.regionId))) {
    rulesOf.set(regionId, (await ctx.configFor(regionId)).records);
  }
  const planned = inputs.map((input) => {
    const rules = rulesOf.get(input.regionId) as RecordsConfig;
    return { input, rules, completedAt: new Date(input.completedAt), periods: { year: '', term: '' } };
  });
  for (const plan of planned) plan.periods = periodsOf(plan.completedAt, plan.rules.termStartMonths);
  const totals = await loadTotals(
    ctx.db,
    personIds,
    planned.flatMap((p) => [p.periods.year, p.periods.term]),
  );

  const outcomes: Awarded[] = [];
  const fresh: RecordRow[] = [];
  const now = ctx.now();
  for (const { input, rules, completedAt, periods } of planned) {
    const key = `${input.source}\u0000${input.sourceRef}`;
    const before = existing.get(key);
    if (before) {
      outcomes.push(outcomeOf(before, 'duplicate'));
      continue;
    }
    const equivalence = `${input.personId}\u0000${input.equivalenceKey}`;
    const level = input.level ?? 'none';
    let outcome: RecordRow['outcome'] = 'awarded';
    let credits = 0n;
    if (active.has(equivalence)) {
      outcome = 'equivalent';
    } else {
      const earned = creditsFor({ workloadHours: input.workloadHours, level, assessment: input.assessment }, rules);
      credits = withinCaps(totals, input.personId, periods, earned, rules);
      if (credits < earned) outcome = 'capped';
    }
    active.add(equivalence);
    for (const period of [periods.year, periods.term]) {
      const k = `${input.personId}\u0000${period}`;
      totals.set(k, (totals.get(k) ?? 0n) + credits);
    }
    const record: RecordRow = {
      id: uuidv7(),
      personId: input.personId,
      regionId: input.regionId,
      title: input.title,
      providerInstitutionId: input.providerInstitutionId ?? null,
      stage: input.stage,
      level,
      learningOutcomes: input.learningOutcomes,
      workloadHours: String(input.workloadHours),
      assessmentType: input.assessment.type,
      assessmentScore: input.assessment.score === undefined ? null : String(input.assessment.score),
      form: input.form,
      completedAt,
      evidence: input.evidence ?? [],
      credits,
      points: pointsFor(credits, rules),
      outcome,
      origin: input.origin,
      source: input.source,
      sourceRef: input.sourceRef,
      equivalenceKey: input.equivalenceKey,
      yearPeriod: periods.year,
      termPeriod: periods.term,
      status: 'active',
      withdrawnReason: null,
      withdrawnAt: null,
      withdrawnBy: null,
      createdAt: now,
    };
    existing.set(key, record);
    fresh.push(record);
    outcomes.push(outcomeOf(record, outcome));
  }

  await insertRecords(ctx.db, fresh);
  await countRecords(ctx, fresh, 1);
  const credited = fresh.filter((r) => r.credits > 0n);
  await addToTotals(ctx.db, credited);
  await mint(ctx, credited);
  const ids = (r: RecordRow) => ({ recordId: r.id, personId: r.personId, regionId: r.regionId });
  const options = (r: RecordRow) => ({ key: r.personId, regionId: r.regionId });
  await ctx.emitMany(
    RecordCreated,
    fresh.map((r) => ({ payload: { ...ids(r), origin: r.origin }, ...options(r) })),
  );
  await ctx.emitMany(
    CreditAwarded,
    credited.map((r) => ({
      payload: { ...ids(r), credits: String(r.credits), points: String(r.points) },
      ...options(r),
    })),
  );
  return outcomes;
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

function withinCaps(
  totals: Map<string, bigint>,
  personId: string,
  periods: { year: string; term: string },
  earned: bigint,
  rules: RecordsConfig,
): bigint {
  const caps: [string, number | undefined][] = [
    [periods.year, rules.capPerYear],
    [periods.term, rules.capPerTerm],
  ];
  let allowed = earned;
  for (const [period, capCredits] of caps) {
    if (capCredits === undefined) continue;
    const cap = toMinorCredits(capCredits);
    const used = totals.get(`${personId}\u0000${period}`) ?? 0n;
    const left = cap > used ? cap - used : 0n;
    if (left < allowed) allowed = left;
  }
  return allowed;
}

/**
 * Mints each record's CREDITs into its person's record account and POINTs into their wallet, the
 * two linked (one fails, neither posts). Transfer ids derive from the record id: a replay is
 * `exists`, never a second mint.
 */
async function mint(ctx: Ctx, credited: RecordRow[]): Promise<void> {
  if (credited.length === 0) return;
  const creditIssuance = await issuanceAccountOf(ctx, 'CREDIT');
  const pointIssuance = await issuanceAccountOf(ctx, 'POINT');
  const accounts = new Map<string, { credit: string; wallet: string }>();
  for (const personId of new Set(credited.map((r) => r.personId))) {
    accounts.set(personId, {
      credit: await creditAccountOf(ctx, personId),
      wallet: await pointWalletOf(ctx, personId),
    });
  }
  const chains = credited.map((record) => {
    const mine = accounts.get(record.personId) as { credit: string; wallet: string };
    const credit = {
      id: derivedId('record', record.id, 'credit'),
      debitAccountId: creditIssuance,
      creditAccountId: mine.credit,
      amount: record.credits,
      code: TransferCodes.creditAwarded,
      metadata: { recordId: record.id },
    };
    if (record.points === 0n) return [credit];
    return [
      { ...credit, flags: { linked: true } },
      {
        id: derivedId('record', record.id, 'points'),
        debitAccountId: pointIssuance,
        creditAccountId: mine.wallet,
        amount: record.points,
        code: TransferCodes.pointsAwarded,
        metadata: { recordId: record.id },
      },
    ];
  });
  // Batches stay under the ledger's 8,190 transfers and never split a linked chain.
  let batch: Parameters<Ctx['ledger']['transfer']>[0][number][] = [];
  for (const chain of chains) {
    if (batch.length + chain.length > 4000) {
      await transferOrThrow(ctx, batch);
      batch = [];
    }
    batch.push(...chain);
  }
  if (batch.length > 0) await transferOrThrow(ctx, batch);
}

/**
 * Posts transfers and throws `CREDIT_BANK_LEDGER_REFUSED` (rolling the request back) unless each
 * was created or replayed: an award or withdrawal the ledger refuses is never a funds problem of
 * the caller, whatever the reason.
 */
export async function transferOrThrow(ctx: Ctx, transfers: Parameters<Ctx['ledger']['transfer']>[0]) {
  const refused = (failed: FailedTransfer) => ledgerRefused('Recording credits', failed);
  await ctx.ledger.transferOrThrow(transfers, { what: 'Recording credits', refused, insufficientFunds: refused });
}

import type { Queryable } from '@lifelong/core';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { creditTotals, records } from './schema.js';

// The statements behind awards and withdrawals (award.ts holds the rules): records in bulk, the
// per-person award locks and the period totals that caps are counted against.

export type RecordRow = typeof records.$inferSelect;

/** What identifies an award's source and its learning, for duplicate and equivalence checks. */
interface Keyed {
  source: string;
  sourceRef: string;
}

/**
 * Inserts records: one row through drizzle, many as one JSON parameter expanded by
 * `jsonb_to_recordset` (a bulk import's thousands of rows cost one statement, not thousands of
 * bind parameters).
 */
export async function insertRecords(db: Queryable, rows: RecordRow[]): Promise<void> {
  if (rows.length <= 10) {
    if (rows.length > 0) await db.insert(records).values(rows);
    return;
  }
  const json = JSON.stringify(
    rows.map((r) => ({
      ...r,
      completedAt: r.completedAt.toISOString(),
      createdAt: r.createdAt.toISOString(),
      credits: String(r.credits),
      points: String(r.points),
    })),
  );
  await db.execute(sql`
    insert into credit_bank.records
      (id, person_id, region_id, title, provider_institution_id, stage, level, learning_outcomes,
       workload_hours, assessment_type, assessment_score, form, completed_at, evidence, credits, points,
       outcome, origin, source, source_ref, equivalence_key, year_period, term_period, status, created_at)
    select x.id, x."personId", x."regionId", x.title, x."providerInstitutionId", x.stage, x.level,
           x."learningOutcomes", x."workloadHours", x."assessmentType", x."assessmentScore", x.form,
           x."completedAt", x.evidence, x.credits, x.points, x.outcome, x.origin, x.source, x."sourceRef",
           x."equivalenceKey", x."yearPeriod", x."termPeriod", x.status, x."createdAt"
      from jsonb_to_recordset(${json}::jsonb) as x(
        id uuid, "personId" uuid, "regionId" text, title text, "providerInstitutionId" uuid, stage text,
        level text, "learningOutcomes" jsonb, "workloadHours" numeric, "assessmentType" text,
        "assessmentScore" numeric, form text, "completedAt" timestamptz, evidence jsonb, credits bigint,
        points bigint, outcome text, origin text, source text, "sourceRef" text, "equivalenceKey" text,
        "yearPeriod" text, "termPeriod" text, status text, "createdAt" timestamptz)`);
}

/** The records already made for these sources and refs, by `source \u0000 sourceRef`. */
export async function existingRecords(db: Queryable, inputs: readonly Keyed[]): Promise<Map<string, RecordRow>> {
  const bySource = new Map<string, string[]>();
  for (const i of inputs) bySource.set(i.source, [...(bySource.get(i.source) ?? []), i.sourceRef]);
  const found = new Map<string, RecordRow>();
  for (const [source, refs] of bySource) {
    for (let i = 0; i < refs.length; i += 5000) {
      const rows = await db
        .select()
        .from(records)
        .where(and(eq(records.source, source), inArray(records.sourceRef, refs.slice(i, i + 5000))));
      for (const row of rows) found.set(`${row.source}\u0000${row.sourceRef}`, row);
    }
  }
  return found;
}

/** Which `person \u0000 equivalenceKey` pairs already have an active record. */
export async function activeEquivalences(db: Queryable, personIds: string[], keys: string[]): Promise<Set<string>> {
  const rows = await db
    .select({ personId: records.personId, equivalenceKey: records.equivalenceKey })
    .from(records)
    .where(
      and(inArray(records.personId, personIds), inArray(records.equivalenceKey, keys), eq(records.status, 'active')),
    );
  return new Set(rows.map((r) => `${r.personId}\u0000${r.equivalenceKey}`));
}

/** The people's credit totals of these periods, by `person \u0000 period`. */
export async function loadTotals(db: Queryable, personIds: string[], periods: string[]): Promise<Map<string, bigint>> {
  const rows = await db
    .select()
    .from(creditTotals)
    .where(and(inArray(creditTotals.personId, personIds), inArray(creditTotals.period, [...new Set(periods)])));
  return new Map(rows.map((r) => [`${r.personId}\u0000${r.period}`, r.credits]));
}

/**
 * Takes the people's award locks: their lifetime totals rows, created on first use, locked in id
 * order (no deadlocks between batches). Every award and withdrawal of one person runs one after
 * another from here to the end of the transaction.
 */
export async function lockPeople(db: Queryable, personIds: string[]): Promise<void> {
  const ids = [...new Set(personIds)].sort();
  for (let i = 0; i < ids.length; i += 5000) {
    const slice = ids.slice(i, i + 5000);
    await db
      .insert(creditTotals)
      .values(slice.map((personId) => ({ personId, period: 'all' })))
      .onConflictDoNothing();
    await db
      .select({ personId: creditTotals.personId })
      .from(creditTotals)
      .where(and(inArray(creditTotals.personId, slice), eq(creditTotals.period, 'all')))
      .orderBy(creditTotals.personId)
      .for('update');
  }
}

/** Adds the records' credits to their people's lifetime, year and term totals. */
export async function addToTotals(db: Queryable, credited: RecordRow[]): Promise<void> {
  const sums = new Map<string, { personId: string; period: string; credits: bigint }>();
  for (const r of credited) {
    for (const period of ['all', r.yearPeriod, r.termPeriod]) {
      const key = `${r.personId}\u0000${period}`;
      const sum = sums.get(key) ?? { personId: r.personId, period, credits: 0n };
      sum.credits += r.credits;
      sums.set(key, sum);
    }
  }
  const rows = [...sums.values()];
  for (let i = 0; i < rows.length; i += 5000) {
    await db
      .insert(creditTotals)
      .values(rows.slice(i, i + 5000))
      .onConflictDoUpdate({
        target: [creditTotals.personId, creditTotals.period],
        set: { credits: sql`${creditTotals.credits} + excluded.credits` },
      });
  }
}

/** Takes a withdrawn record's credits off the totals it counted towards (rows exist since the award). */
export async function removeFromTotals(
  db: Queryable,
  personId: string,
  periods: string[],
  credits: bigint,
): Promise<void> {
  await db
    .update(creditTotals)
    .set({ credits: sql`${creditTotals.credits} - ${credits}` })
    .where(and(eq(creditTotals.personId, personId), inArray(creditTotals.period, ['all', ...periods])));
}

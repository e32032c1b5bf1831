import type { TableDistribution } from '@lifelong/core';
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  numeric,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { creditBank } from '../../schema.js';

/**
 * Learning records: the lifelong memory of what a person learnt. Never deleted: a withdrawn
 * record keeps its row with the reason, who and when. `source` + `source_ref` is the idempotency
 * key of whatever created it (a plugin's completion, a certificate, an import row).
 */
export const records = creditBank.table(
  'records',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id').notNull(),
    regionId: text('region_id').notNull(),
    title: text('title').notNull(),
    providerInstitutionId: uuid('provider_institution_id'),
    stage: text('stage').notNull(),
    level: text('level').notNull().default('none'),
    learningOutcomes: jsonb('learning_outcomes').$type<string[]>().notNull().default([]),
    workloadHours: numeric('workload_hours', { precision: 10, scale: 2 }).notNull(),
    assessmentType: text('assessment_type').notNull(),
    assessmentScore: numeric('assessment_score', { precision: 5, scale: 2 }),
    form: text('form').notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }).notNull(),
    /** SHA-256 hashes of evidence files in the platform's file store. */
    evidence: jsonb('evidence').$type<string[]>().notNull().default([]),
    /** CREDIT minor units awarded (scale 1). */
    credits: bigint('credits', { mode: 'bigint' }).notNull(),
    points: bigint('points', { mode: 'bigint' }).notNull(),
    /** What the credit rules decided: awarded, equivalent (0 credits) or capped. */
    outcome: text('outcome', { enum: ['awarded', 'equivalent', 'capped'] }).notNull(),
    origin: text('origin', { enum: ['completion', 'recognition', 'import', 'manual'] }).notNull(),
    source: text('source').notNull(),
    sourceRef: text('source_ref').notNull(),
    equivalenceKey: text('equivalence_key').notNull(),
    /** The credit-total periods the credits counted towards (see `creditTotals`), for withdrawal. */
    yearPeriod: text('year_period').notNull(),
    termPeriod: text('term_period').notNull(),
    status: text('status', { enum: ['active', 'withdrawn'] })
      .notNull()
      .default('active'),
    withdrawnReason: text('withdrawn_reason'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnBy: text('withdrawn_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('records_source_ref_key').on(t.source, t.sourceRef),
    index('records_person_idx').on(t.personId, t.id),
    index('records_person_equivalence_idx').on(t.personId, t.equivalenceKey),
    // The transcript's order: a person's records by completion date.
    index('records_person_completed_idx').on(t.personId, t.completedAt, t.id),
    check('records_credits_nonnegative', sql`${t.credits} >= 0 and ${t.points} >= 0`),
    check('records_workload_positive', sql`${t.workloadHours} > 0`),
    check(
      'records_withdrawal_complete',
      sql`(${t.status} = 'active') = (${t.withdrawnAt} is null and ${t.withdrawnReason} is null)`,
    ),
  ],
);

/**
 * Credits a person was awarded per period: `all` (lifetime; its row is the per-person lock that
 * serialises awards, so caps and equivalence hold under concurrency), `Y2026` (a calendar year)
 * and `T2026-09` (the term starting in September 2026).
 */
export const creditTotals = creditBank.table(
  'credit_totals',
  {
    personId: uuid('person_id').notNull(),
    period: text('period').notNull(),
    credits: bigint('credits', { mode: 'bigint' }).notNull().default(sql`0`),
  },
  (t) => [primaryKey({ columns: [t.personId, t.period] }), check('credit_totals_nonnegative', sql`${t.credits} >= 0`)],
);

/**
 * A person's transcript totals, kept up to date by every award and withdrawal (under the
 * person's lock), so the transcript reads a few rows instead of scanning every record:
 * `dimension` is `all` (key ''), `stage`, `year` (UTC year of completion) or `origin`. Credits,
 * records and hours count active records; `withdrawn` counts withdrawn ones.
 */
export const recordTotals = creditBank.table(
  'record_totals',
  {
    personId: uuid('person_id').notNull(),
    dimension: text('dimension', { enum: ['all', 'stage', 'year', 'origin'] }).notNull(),
    key: text('key').notNull(),
    credits: bigint('credits', { mode: 'bigint' }).notNull().default(sql`0`),
    records: integer('records').notNull().default(0),
    withdrawn: integer('withdrawn').notNull().default(0),
    workloadHours: numeric('workload_hours', { precision: 14, scale: 2 }).notNull().default('0'),
  },
  (t) => [primaryKey({ columns: [t.personId, t.dimension, t.key] })],
);

/** Placement on a distributed cluster (docs/scale.md): a learner's lifelong record on the learner's shard. */
export const recordsDistribution: readonly TableDistribution[] = [
  { table: records, kind: 'distributed', column: 'person_id', colocation: 'person' },
  { table: creditTotals, kind: 'distributed', column: 'person_id', colocation: 'person' },
  { table: recordTotals, kind: 'distributed', column: 'person_id', colocation: 'person' },
];

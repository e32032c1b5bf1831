import type { TableDistribution } from '@lifelong/core';
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, numeric, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { creditBank } from '../schema.js';

/** Evidence files a person uploaded: a certificate may only refer to its submitter's own uploads. */
export const evidenceFiles = creditBank.table(
  'evidence_files',
  {
    personId: uuid('person_id').notNull(),
    sha256: text('sha256').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.sha256] })],
);

/** Certificates submitted for recognition of learning done elsewhere, and where review stands. */
export const certificates = creditBank.table(
  'certificates',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id').notNull(),
    regionId: text('region_id').notNull(),
    issuingInstitutionId: uuid('issuing_institution_id').notNull(),
    title: text('title').notNull(),
    stage: text('stage').notNull(),
    level: text('level').notNull().default('none'),
    learningOutcomes: jsonb('learning_outcomes').$type<string[]>().notNull(),
    workloadHours: numeric('workload_hours', { precision: 10, scale: 2 }).notNull(),
    assessmentType: text('assessment_type').notNull(),
    assessmentScore: numeric('assessment_score', { precision: 5, scale: 2 }),
    form: text('form').notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }).notNull(),
    equivalenceKey: text('equivalence_key').notNull(),
    evidence: jsonb('evidence').$type<string[]>().notNull(),
    status: text('status', { enum: ['submitted', 'more-evidence-requested', 'approved', 'rejected'] }).notNull(),
    recordId: uuid('record_id'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('certificates_person_idx').on(t.personId, t.id),
    index('certificates_institution_status_idx').on(t.issuingInstitutionId, t.status, t.id),
    check('certificates_workload_positive', sql`${t.workloadHours} > 0`),
    check('certificates_approved_has_record', sql`(${t.status} = 'approved') = (${t.recordId} is not null)`),
  ],
);

/**
 * Evidence that has been credited: one row per file hash, so the same certificate (file) can
 * never be credited twice, whoever submits it and however often.
 */
export const creditedEvidence = creditBank.table('credited_evidence', {
  sha256: text('sha256').primaryKey(),
  certificateId: uuid('certificate_id').notNull(),
  creditedAt: timestamp('credited_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The audit trail of review: every decision with who, when and why. Append-only. */
export const certificateDecisions = creditBank.table(
  'certificate_decisions',
  {
    id: uuid('id').primaryKey(),
    certificateId: uuid('certificate_id').notNull(),
    decision: text('decision', {
      enum: ['approved', 'rejected', 'more-evidence-requested', 'evidence-added'],
    }).notNull(),
    reason: text('reason'),
    decidedBy: text('decided_by').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('certificate_decisions_certificate_idx').on(t.certificateId, t.id)],
);

/** Placement on a distributed cluster (docs/scale.md): a learner's submissions with the learner; credited evidence by file hash, unique across everyone. */
export const recognitionDistribution: readonly TableDistribution[] = [
  { table: evidenceFiles, kind: 'distributed', column: 'person_id', colocation: 'person' },
  { table: certificates, kind: 'distributed', column: 'person_id', colocation: 'person' },
  { table: certificateDecisions, kind: 'distributed', column: 'person_id', colocation: 'person' },
  { table: creditedEvidence, kind: 'distributed', column: 'sha256', colocation: 'credit-bank-evidence' },
];

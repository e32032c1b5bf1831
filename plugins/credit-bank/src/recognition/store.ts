import {
  afterIdCursor,
  Forbidden,
  type PluginRequestContext,
  type Queryable,
  toPage,
  ValidationFailed,
} from '@lifelong/core';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { canReadPerson } from '../access.js';
import { CertificateNotFound } from '../shared/errors.js';
import { certificateDecisions, certificates, creditedEvidence, evidenceFiles } from './schema.js';
import type { Certificate } from './schemas.js';

export type CertificateRow = typeof certificates.$inferSelect;
type DecisionRow = typeof certificateDecisions.$inferSelect;

export const certificateView = (row: CertificateRow, decisions: DecisionRow[]): Certificate => ({
  id: row.id,
  personId: row.personId,
  regionId: row.regionId,
  issuingInstitutionId: row.issuingInstitutionId,
  title: row.title,
  stage: row.stage as Certificate['stage'],
  level: row.level as Certificate['level'],
  learningOutcomes: row.learningOutcomes,
  workloadHours: Number(row.workloadHours),
  assessment: {
    type: row.assessmentType as Certificate['assessment']['type'],
    score: row.assessmentScore === null ? null : Number(row.assessmentScore),
  },
  form: row.form as Certificate['form'],
  completedAt: row.completedAt.toISOString(),
  equivalenceKey: row.equivalenceKey,
  evidence: row.evidence,
  status: row.status,
  recordId: row.recordId,
  submittedAt: row.submittedAt.toISOString(),
  decisions: decisions.map((d) => ({
    decision: d.decision,
    reason: d.reason,
    decidedBy: d.decidedBy,
    decidedAt: d.decidedAt.toISOString(),
  })),
});

/**
 * A certificate, optionally locked; with `regionId`, only one of that region (a certificate of
 * another region is the same 404 as an unknown one, so nobody acts on it from elsewhere).
 */
export async function findCertificate(
  db: Queryable,
  id: string,
  lock = false,
  regionId?: string,
): Promise<CertificateRow> {
  const query = db
    .select()
    .from(certificates)
    .where(and(eq(certificates.id, id), regionId === undefined ? undefined : eq(certificates.regionId, regionId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw CertificateNotFound({ detail: `Certificate ${id} does not exist in this region.` });
  return row;
}

export async function viewOf(db: Queryable, row: CertificateRow): Promise<Certificate> {
  const decisions = await db
    .select()
    .from(certificateDecisions)
    .where(eq(certificateDecisions.certificateId, row.id))
    .orderBy(asc(certificateDecisions.id));
  return certificateView(row, decisions);
}

/** A page of certificates with their decisions (two queries, not one per certificate). */
export async function listCertificates(
  db: Queryable,
  where: { personId?: string; institutionId?: string; status?: CertificateRow['status'] | undefined },
  limit: number,
  cursor: string | undefined,
) {
  const rows = await db
    .select()
    .from(certificates)
    .where(
      and(
        where.personId ? eq(certificates.personId, where.personId) : undefined,
        where.institutionId ? eq(certificates.issuingInstitutionId, where.institutionId) : undefined,
        where.status ? eq(certificates.status, where.status) : undefined,
        afterIdCursor(certificates.id, cursor),
      ),
    )
    .orderBy(certificates.id)
    .limit(limit + 1);
  const ids = rows.map((r) => r.id);
  const decisions = ids.length
    ? await db
        .select()
        .from(certificateDecisions)
        .where(inArray(certificateDecisions.certificateId, ids))
        .orderBy(asc(certificateDecisions.id))
    : [];
  return toPage(
    rows,
    limit,
    (row) => ({ id: row.id }),
    (row) =>
      certificateView(
        row,
        decisions.filter((d) => d.certificateId === row.id),
      ),
  );
}

/** Reviewers of a certificate: `certificates.review` for its issuing institution or its region. */
export const canReview = (ctx: PluginRequestContext, row: Pick<CertificateRow, 'issuingInstitutionId' | 'regionId'>) =>
  ctx.can('certificates.review', { institutionId: row.issuingInstitutionId }) ||
  ctx.can('certificates.review', { regionId: row.regionId });

/** The submitter, their guardian while a minor, records readers of their region, and reviewers. */
export async function requireReadCertificate(ctx: PluginRequestContext, row: CertificateRow): Promise<void> {
  if (row.regionId !== ctx.regionId)
    throw CertificateNotFound({ detail: `Certificate ${row.id} does not exist in this region.` });
  if (canReview(ctx, row)) return;
  const person = await ctx.identity.personById(row.personId);
  if (person && (await canReadPerson(ctx, person))) return;
  throw Forbidden({
    detail: 'Only the submitter, their guardian while a minor, or a reviewer may see this certificate.',
  });
}

/** 400 naming each hash the person has not uploaded themselves. */
export async function requireOwnEvidence(db: Queryable, personId: string, hashes: string[]): Promise<void> {
  const owned = await db
    .select({ sha256: evidenceFiles.sha256 })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.personId, personId), inArray(evidenceFiles.sha256, hashes)));
  const known = new Set(owned.map((o) => o.sha256));
  const errors = hashes.flatMap((hash, i) =>
    known.has(hash)
      ? []
      : [{ path: `/body/evidence/${i}`, rule: 'uploaded', message: 'Upload the file with POST /evidence first' }],
  );
  if (errors.length > 0) throw ValidationFailed({ errors });
}

export type DecisionInsert = typeof certificateDecisions.$inferInsert;

export async function insertCertificate(
  db: Queryable,
  values: typeof certificates.$inferInsert,
): Promise<CertificateRow> {
  const [row] = await db.insert(certificates).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateCertificate(
  db: Queryable,
  id: string,
  values: Partial<typeof certificates.$inferInsert>,
): Promise<CertificateRow> {
  const [row] = await db.update(certificates).set(values).where(eq(certificates.id, id)).returning();
  if (!row) throw new Error('update returned no row');
  return row;
}

export async function insertDecision(db: Queryable, values: DecisionInsert): Promise<void> {
  await db.insert(certificateDecisions).values(values);
}

/** A stored evidence file, once per person and hash. */
export async function insertEvidenceFile(db: Queryable, values: typeof evidenceFiles.$inferInsert): Promise<void> {
  await db.insert(evidenceFiles).values(values).onConflictDoNothing();
}

/** Which of the hashes were credited already (under any certificate). */
export async function creditedAmong(db: Queryable, hashes: string[]): Promise<string[]> {
  const credited = await db
    .select({ sha256: creditedEvidence.sha256 })
    .from(creditedEvidence)
    .where(inArray(creditedEvidence.sha256, hashes));
  return credited.map((c) => c.sha256);
}

/** Marks the files credited to the certificate; returns those it claimed (the others were credited before). */
export async function claimEvidence(
  db: Queryable,
  certificateId: string,
  hashes: string[],
  at: Date,
): Promise<string[]> {
  const claimed = await db
    .insert(creditedEvidence)
    .values(hashes.map((sha256) => ({ sha256, certificateId, creditedAt: at })))
    .onConflictDoNothing()
    .returning({ sha256: creditedEvidence.sha256 });
  return claimed.map((c) => c.sha256);
}

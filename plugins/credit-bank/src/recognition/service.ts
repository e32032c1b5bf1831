import {
  Forbidden,
  type PluginRequestContext,
  sniffContentType,
  type Upload,
  uuidv7,
  ValidationFailed,
} from '@lifelong/core';
import { actorId } from '../access.js';
import type { CreditBankConfig } from '../config.js';
import { CertificateReviewed } from '../events.js';
import {
  CertificateNotPending,
  EvidenceAlreadyCredited,
  EvidenceTooLarge,
  EvidenceTypeMismatch,
  PeopleOnly,
  PersonNotVerified,
} from '../shared/errors.js';
import { isAccreditedProvider } from '../shared/providers/accreditation.js';
import { awardRecord } from '../shared/records/award.js';
import { futureDateError } from '../shared/records/dates.js';
import type { AddEvidenceBody, CertificateDecisionBody, SubmitCertificateBody } from './schemas.js';
import {
  type CertificateRow,
  canReview,
  claimEvidence,
  creditedAmong,
  type DecisionInsert,
  findCertificate,
  insertCertificate,
  insertDecision,
  insertEvidenceFile,
  requireOwnEvidence,
  updateCertificate,
} from './store.js';

type Ctx = PluginRequestContext<typeof CreditBankConfig>;

/**
 * Keeps an evidence file of the signed-in person in the file store, if its bytes are what its
 * Content-Type says and it is within the region's size limit.
 */
export async function storeEvidence(ctx: Ctx, upload: Upload) {
  const personId = ctx.requirePerson(PeopleOnly);
  const max = ctx.config.recognition.maxEvidenceBytes;
  if (upload.bytes.length > max) {
    throw EvidenceTooLarge({ detail: `At most ${max} bytes.`, extensions: { maxBytes: max } });
  }
  const sniffed = sniffContentType(upload.bytes);
  if (sniffed !== upload.contentType) {
    throw EvidenceTypeMismatch({
      detail: `Declared ${upload.contentType}, but the bytes are ${sniffed ?? 'of an unknown type'}.`,
    });
  }
  const stored = await ctx.files.put(upload.bytes);
  await insertEvidenceFile(ctx.db, {
    personId,
    sha256: stored.sha256,
    contentType: sniffed,
    size: stored.size,
    uploadedAt: ctx.now(),
  });
  return { sha256: stored.sha256, size: stored.size, contentType: sniffed };
}

/** Submits a certificate for review: the issuer must be an accredited provider of that learning. */
export async function submitCertificate(ctx: Ctx, body: SubmitCertificateBody): Promise<CertificateRow> {
  const personId = ctx.requirePerson(PeopleOnly);
  const person = await ctx.identity.personById(personId);
  if (person?.status !== 'verified') {
    throw PersonNotVerified({ detail: 'Verify your identity before submitting certificates for credit.' });
  }
  const institution = await ctx.identity.institution(body.issuingInstitutionId);
  if (!institution) {
    throw ValidationFailed({
      errors: [{ path: '/body/issuingInstitutionId', rule: 'institutionExists', message: 'No such institution' }],
    });
  }
  const completedAt = new Date(body.completedAt);
  const future = futureDateError(completedAt, ctx.now(), '/body/completedAt');
  if (future) throw ValidationFailed({ errors: [future] });
  const kind = { stage: body.stage, level: body.level, at: completedAt };
  if (!(await isAccreditedProvider(ctx, institution.id, 'award', kind))) {
    throw ValidationFailed({
      errors: [
        {
          path: '/body/issuingInstitutionId',
          rule: 'accreditedProvider',
          message: 'The institution was not an accredited provider of this stage and level on that date',
        },
      ],
    });
  }
  await requireOwnEvidence(ctx.db, personId, body.evidence);
  await refuseCredited(ctx, body.evidence);
  const now = ctx.now();
  return insertCertificate(ctx.db, {
    id: uuidv7(),
    personId,
    regionId: ctx.regionId,
    issuingInstitutionId: institution.id,
    title: body.title,
    stage: body.stage,
    level: body.level ?? 'none',
    learningOutcomes: body.learningOutcomes,
    workloadHours: String(body.workloadHours),
    assessmentType: body.assessment.type,
    assessmentScore: body.assessment.score === undefined ? null : String(body.assessment.score),
    form: body.form,
    completedAt,
    equivalenceKey: body.equivalenceKey ?? `${institution.id}:${body.title.trim().toLowerCase()}`,
    evidence: body.evidence,
    status: 'submitted',
    submittedAt: now,
    updatedAt: now,
  });
}

async function refuseCredited(ctx: Ctx, hashes: string[]): Promise<void> {
  const credited = await creditedAmong(ctx.db, hashes);
  if (credited.length > 0) throw EvidenceAlreadyCredited({ extensions: { sha256: credited } });
}

/** The submitter adds evidence a reviewer asked for; the certificate goes back to review. */
export async function addEvidence(ctx: Ctx, certificateId: string, body: AddEvidenceBody): Promise<CertificateRow> {
  const personId = ctx.requirePerson(PeopleOnly);
  const current = await findCertificate(ctx.db, certificateId, true, ctx.regionId);
  if (current.personId !== personId) throw Forbidden({ detail: 'Only the submitter may add evidence.' });
  if (current.status !== 'more-evidence-requested') {
    throw CertificateNotPending({ detail: `The certificate is ${current.status}; nobody asked for more evidence.` });
  }
  await requireOwnEvidence(ctx.db, personId, body.evidence);
  await refuseCredited(ctx, body.evidence);
  const evidence = [...new Set([...current.evidence, ...body.evidence])];
  const now = ctx.now();
  const row = await updateCertificate(ctx.db, current.id, { evidence, status: 'submitted', updatedAt: now });
  await audit(ctx, current.id, 'evidence-added', null);
  return row;
}

const decided = {
  approve: 'approved',
  reject: 'rejected',
  'request-evidence': 'more-evidence-requested',
} as const;

/**
 * A reviewer's decision, audited. Approval records the learning with its credits and points
 * (the same award logic as on-platform completions) and marks every evidence file credited, all
 * in this transaction; a file credited before (under any certificate) makes it a 409.
 */
export async function decide(ctx: Ctx, certificateId: string, body: CertificateDecisionBody): Promise<CertificateRow> {
  const current = await findCertificate(ctx.db, certificateId, true, ctx.regionId);
  await requireReviewer(ctx, current);
  if (body.decision !== 'approve' && !body.reason) {
    throw ValidationFailed({
      errors: [{ path: '/body/reason', rule: 'required', message: 'Give a reason to reject or to ask for evidence' }],
    });
  }
  if (current.status !== 'submitted') {
    throw CertificateNotPending({ detail: `The certificate is ${current.status}.` });
  }
  const status = decided[body.decision];
  let recordId: string | null = null;
  if (body.decision === 'approve') {
    const claimed = await claimEvidence(ctx.db, current.id, current.evidence, ctx.now());
    if (claimed.length !== current.evidence.length) {
      const mine = new Set(claimed);
      throw EvidenceAlreadyCredited({ extensions: { sha256: current.evidence.filter((h) => !mine.has(h)) } });
    }
    const awarded = await awardRecord(
      ctx,
      {
        origin: 'recognition',
        source: 'credit-bank.certificate',
        sourceRef: current.id,
        personId: current.personId,
        regionId: current.regionId,
        equivalenceKey: current.equivalenceKey,
        title: current.title,
        providerInstitutionId: current.issuingInstitutionId,
        stage: current.stage,
        level: current.level,
        learningOutcomes: current.learningOutcomes,
        workloadHours: Number(current.workloadHours),
        assessment: {
          type: current.assessmentType,
          ...(current.assessmentScore === null ? {} : { score: Number(current.assessmentScore) }),
        },
        form: current.form,
        completedAt: current.completedAt.toISOString(),
        evidence: current.evidence,
      },
      '/certificate',
    );
    recordId = awarded.recordId;
  }
  const row = await updateCertificate(ctx.db, current.id, { status, recordId, updatedAt: ctx.now() });
  await audit(ctx, current.id, status, body.reason ?? null);
  await ctx.emit(
    CertificateReviewed,
    { certificateId: row.id, personId: row.personId, regionId: row.regionId, decision: status },
    { key: row.personId, regionId: row.regionId },
  );
  return row;
}

/**
 * A region reviewer may review any certificate of the region; an institution's verifier only
 * its own institution's, while the institution is accredited to verify that kind of learning.
 * Nobody reviews a certificate of their own, of their ward or of their guardian (the core's one
 * conflict-of-interest rule). A region reviewer who also holds a role at the issuing institution
 * would vouch for their own institution's certificate and is refused too; the issuing
 * institution's own verifiers are the exception by design: the region accredited them to
 * `verify` exactly these certificates.
 */
async function requireReviewer(ctx: Ctx, row: CertificateRow): Promise<void> {
  const action = 'review this certificate';
  await ctx.refuseConflictOfInterest({ action, personIds: [row.personId] });
  if (ctx.can('certificates.review', { regionId: row.regionId })) {
    if (!ctx.can('certificates.review', { institutionId: row.issuingInstitutionId })) {
      await ctx.refuseConflictOfInterest({ action, institutionIds: [row.issuingInstitutionId] });
    }
    return;
  }
  if (
    canReview(ctx, row) &&
    (await isAccreditedProvider(ctx, row.issuingInstitutionId, 'verify', {
      stage: row.stage,
      level: row.level,
      at: row.completedAt,
    }))
  ) {
    return;
  }
  throw Forbidden({
    detail: "Reviewers are the issuing institution's accredited verifiers and the region's registrars.",
  });
}

async function audit(ctx: Ctx, certificateId: string, decision: string, reason: string | null): Promise<void> {
  await insertDecision(ctx.db, {
    id: uuidv7(),
    certificateId,
    decision: decision as DecisionInsert['decision'],
    reason,
    decidedBy: actorId(ctx),
    decidedAt: ctx.now(),
  });
}

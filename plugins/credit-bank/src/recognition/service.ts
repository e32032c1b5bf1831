import {
  Forbidden,
  type PluginContext,
  type PluginRequestContext,
  type ServedFile,
  type StagedUpload,
  sniffContentType,
  uuidv7,
  ValidationFailed,
} from '@lifelong/core';
import { actorId } from '../access.js';
import type { CreditBankConfig } from '../config.js';
import { CertificateReviewed } from '../events.js';
import {
  CertificateNotFound,
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
import { EvidenceQuotaExceeded } from './errors.js';
import type { AddEvidenceBody, CertificateDecisionBody, SubmitCertificateBody } from './schemas.js';
import {
  type CertificateRow,
  canReview,
  claimEvidence,
  creditedAmong,
  type DecisionInsert,
  deleteUnattachedEvidence,
  evidenceBytesOf,
  evidenceFileOf,
  evidenceHeld,
  findCertificate,
  holdsEvidence,
  insertCertificate,
  insertDecision,
  insertEvidenceFile,
  requireOwnEvidence,
  unattachedEvidence,
  updateCertificate,
} from './store.js';

type Ctx = PluginRequestContext<typeof CreditBankConfig>;

/**
 * Keeps an evidence file of the signed-in person (streamed into the file store's staging area by
 * the platform), if its bytes are what its Content-Type says, it is within the region's size limit
 * and the person's quota. A file they already hold costs nothing more.
 */
export async function storeEvidence(ctx: Ctx, upload: StagedUpload) {
  const personId = ctx.requirePerson(PeopleOnly);
  const { maxEvidenceBytes: max, personQuotaBytes } = ctx.config.recognition;
  if (upload.size > max) {
    throw EvidenceTooLarge({ detail: `At most ${max} bytes.`, extensions: { maxBytes: max } });
  }
  const sniffed = sniffContentType(upload.head);
  if (sniffed !== upload.contentType) {
    throw EvidenceTypeMismatch({
      detail: `Declared ${upload.contentType}, but the bytes are ${sniffed ?? 'of an unknown type'}.`,
    });
  }
  if (!(await holdsEvidence(ctx.db, personId, upload.sha256))) {
    const usedBytes = await evidenceBytesOf(ctx.db, personId);
    if (usedBytes + upload.size > personQuotaBytes) {
      throw EvidenceQuotaExceeded({
        detail: `You keep ${usedBytes} bytes of evidence; this file of ${upload.size} bytes would pass your quota of ${personQuotaBytes}.`,
        extensions: { quota: 'person', quotaBytes: personQuotaBytes, usedBytes },
      });
    }
  }
  const stored = await ctx.files.keep(upload);
  await insertEvidenceFile(ctx.db, {
    personId,
    sha256: stored.sha256,
    contentType: sniffed,
    size: stored.size,
    uploadedAt: ctx.now(),
  });
  return { sha256: stored.sha256, size: stored.size, contentType: sniffed };
}

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
};

/**
 * One evidence file of a certificate, for its submitter, their guardian while a minor, and its
 * reviewers. Everyone else gets the answer an unknown certificate gets (404), so the route tells
 * nobody which certificates exist or which files they cite.
 */
export async function evidenceToServe(ctx: Ctx, certificateId: string, sha256: string): Promise<ServedFile> {
  const hidden = () => CertificateNotFound({ detail: `Certificate ${certificateId} has no such evidence for you.` });
  const row = await findCertificate(ctx.db, certificateId).catch(() => null);
  if (!row) throw hidden();
  if (!row.evidence.includes(sha256) || !(await mayReadEvidence(ctx, row))) throw hidden();
  const file = await evidenceFileOf(ctx.db, row.personId, sha256);
  if (!file) throw hidden();
  return {
    sha256,
    contentType: file.contentType,
    filename: `certificate-${row.id.slice(0, 8)}-evidence-${sha256.slice(0, 12)}.${EXTENSIONS[file.contentType] ?? 'bin'}`,
    disposition: 'attachment',
  };
}

async function mayReadEvidence(ctx: Ctx, row: CertificateRow): Promise<boolean> {
  if (ctx.principal.kind === 'person') {
    if (ctx.principal.id === row.personId) return true;
    const person = await ctx.identity.personById(row.personId);
    if (person?.isMinor && (await ctx.identity.isGuardianOf(ctx.principal.id, person.id))) return true;
  }
  return isReviewer(ctx, row);
}

/**
 * Removes evidence that no certificate of its uploader cites, uploaded longer ago than the
 * uploader's region allows (`recognition.unattachedEvidenceHours`), and releases the bytes when no
 * other upload of theirs or anyone's holds them. Each file in its own savepoint: one that fails is
 * logged and skipped, the others go on. Safe to run twice.
 */
export async function removeUnattachedEvidence(ctx: PluginContext<typeof CreditBankConfig>): Promise<number> {
  const now = ctx.now().getTime();
  const regions = await ctx.enabledRegions();
  if (regions.length === 0) return 0;
  const hours = new Map<string, number>();
  for (const regionId of regions) {
    hours.set(regionId, (await ctx.configFor(regionId)).recognition.unattachedEvidenceHours);
  }
  // Candidates are old enough for the most eager region; each one is then held to its own.
  const youngest = new Date(now - Math.min(...hours.values()) * HOUR);
  let removed = 0;
  for (const candidate of await unattachedEvidence(ctx.db, youngest, CLEANUP_BATCH)) {
    try {
      await ctx.transaction(async () => {
        const person = await ctx.identity.personById(candidate.personId);
        const limit = (person && hours.get(person.regionId)) ?? Math.max(...hours.values());
        const cutoff = new Date(now - limit * HOUR);
        if (!(await deleteUnattachedEvidence(ctx.db, candidate.personId, candidate.sha256, cutoff))) return;
        if (!(await evidenceHeld(ctx.db, candidate.sha256))) await ctx.files.release(candidate.sha256);
        removed++;
      });
    } catch (error) {
      ctx.logger.error({ err: error, sha256: candidate.sha256 }, 'could not remove unattached evidence; skipped');
    }
  }
  return removed;
}

const HOUR = 3_600_000;
const CLEANUP_BATCH = 500;

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
async function isReviewer(ctx: Ctx, row: CertificateRow): Promise<boolean> {
  if (ctx.can('certificates.review', { regionId: row.regionId })) return true;
  return (
    canReview(ctx, row) &&
    (await isAccreditedProvider(ctx, row.issuingInstitutionId, 'verify', {
      stage: row.stage,
      level: row.level,
      at: row.completedAt,
    }))
  );
}

/** Reviewers only, and nobody with a conflict of interest (see `isReviewer`). */
async function requireReviewer(ctx: Ctx, row: CertificateRow): Promise<void> {
  const action = 'review this certificate';
  await ctx.refuseConflictOfInterest({ action, personIds: [row.personId] });
  if (
    ctx.can('certificates.review', { regionId: row.regionId }) &&
    !ctx.can('certificates.review', { institutionId: row.issuingInstitutionId })
  ) {
    await ctx.refuseConflictOfInterest({ action, institutionIds: [row.issuingInstitutionId] });
  }
  if (await isReviewer(ctx, row)) return;
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

import { Forbidden, NotFound, sniffContentType } from '@lifelong/core';
import { personOf } from '../access.js';
import type { CreditBankRegistrar } from '../config.js';
import {
  CertificateNotPending,
  EvidenceAlreadyCredited,
  EvidenceTooLarge,
  EvidenceTypeMismatch,
  LedgerRefused,
  PersonNotVerified,
} from '../errors.js';
import { EVIDENCE_CEILING_BYTES } from './config.js';
import { addEvidence, decide, submitCertificate } from './review.js';
import { evidenceFiles } from './schema.js';
import {
  AddEvidenceBody,
  Certificate,
  CertificateDecisionBody,
  CertificateListQuery,
  CertificatePage,
  CertificateParams,
  EVIDENCE_TYPES,
  EvidenceFile,
  InstitutionParams,
  SubmitCertificateBody,
} from './schemas.js';
import { findCertificate, listCertificates, requireReadCertificate, viewOf } from './store.js';

/** Declares recognition: evidence upload, certificate submission and review. */
export function registerRecognition(p: CreditBankRegistrar): void {
  p.route({
    method: 'post',
    path: '/evidence',
    summary: 'Upload an evidence file (PDF, PNG, JPEG or WebP) for a certificate',
    description:
      "The body is the file. Its bytes must be what the Content-Type says (415 otherwise) and no larger than the region's maxEvidenceBytes (413).",
    access: { authenticated: 'a signed-in person (the file is theirs to attach)' },
    request: { upload: { contentTypes: EVIDENCE_TYPES, maxBytes: EVIDENCE_CEILING_BYTES } },
    responses: { 201: { description: 'The stored file', schema: EvidenceFile } },
    handler: async ({ upload }, ctx) => {
      const personId = personOf(ctx);
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
      await ctx.db
        .insert(evidenceFiles)
        .values({ personId, sha256: stored.sha256, contentType: sniffed, size: stored.size, uploadedAt: ctx.now() })
        .onConflictDoNothing();
      return { status: 201, body: { sha256: stored.sha256, size: stored.size, contentType: sniffed } };
    },
  });

  p.route({
    method: 'post',
    path: '/certificates',
    errors: [EvidenceAlreadyCredited, PersonNotVerified],
    summary: 'Submit a certificate of learning done elsewhere for recognition',
    access: { authenticated: 'a signed-in, verified person (for themselves)' },
    request: { body: SubmitCertificateBody },
    responses: { 201: { description: 'The submitted certificate', schema: Certificate } },
    handler: async ({ body }, ctx) => {
      const row = await submitCertificate(ctx, body);
      return { status: 201, body: await viewOf(ctx.db, row) };
    },
  });

  p.route({
    method: 'get',
    path: '/certificates',
    summary: 'My certificates, oldest first',
    access: { authenticated: 'the signed-in person' },
    request: { query: CertificateListQuery },
    responses: { 200: { description: 'A page of certificates', schema: CertificatePage } },
    handler: async ({ query }, ctx) => ({
      status: 200,
      body: await listCertificates(
        ctx.db,
        { personId: personOf(ctx), status: query.status },
        query.limit ?? 50,
        query.cursor,
      ),
    }),
  });

  p.route({
    method: 'get',
    path: '/institutions/{institutionId}/certificates',
    summary: "An institution's certificates for review (its verifiers and the region's reviewers)",
    access: { permission: 'certificates.review' },
    request: { params: InstitutionParams, query: CertificateListQuery },
    responses: { 200: { description: 'A page of certificates', schema: CertificatePage } },
    handler: async ({ params, query }, ctx) => {
      const institution = await ctx.identity.institution(params.institutionId);
      if (!institution) throw NotFound({ detail: `No institution ${params.institutionId}.` });
      if (
        !ctx.can('certificates.review', { institutionId: institution.id }) &&
        !ctx.can('certificates.review', { regionId: institution.regionId })
      ) {
        throw Forbidden({ detail: "Only the institution's verifiers and its region's reviewers may see this." });
      }
      return {
        status: 200,
        body: await listCertificates(
          ctx.db,
          { institutionId: institution.id, status: query.status },
          query.limit ?? 50,
          query.cursor,
        ),
      };
    },
  });

  p.route({
    method: 'get',
    path: '/certificates/{certificateId}',
    summary: 'One certificate with its review history',
    access: { authenticated: 'the submitter, their guardian while a minor, records readers and reviewers' },
    request: { params: CertificateParams },
    responses: { 200: { description: 'The certificate', schema: Certificate } },
    handler: async ({ params }, ctx) => {
      const row = await findCertificate(ctx.db, params.certificateId);
      await requireReadCertificate(ctx, row);
      return { status: 200, body: await viewOf(ctx.db, row) };
    },
  });

  p.route({
    method: 'post',
    path: '/certificates/{certificateId}/evidence',
    summary: 'Add the evidence a reviewer asked for (back to review)',
    access: { authenticated: 'the submitter' },
    request: { params: CertificateParams, body: AddEvidenceBody },
    responses: { 200: { description: 'The certificate', schema: Certificate } },
    handler: async ({ params, body }, ctx) => {
      const row = await addEvidence(ctx, params.certificateId, body);
      return { status: 200, body: await viewOf(ctx.db, row) };
    },
  });

  p.route({
    method: 'post',
    path: '/certificates/{certificateId}/decisions',
    errors: [CertificateNotPending, EvidenceAlreadyCredited, PersonNotVerified, LedgerRefused],
    summary: 'Review a certificate: approve (credits it), reject, or ask for more evidence',
    access: { permission: 'certificates.review' },
    request: { params: CertificateParams, body: CertificateDecisionBody },
    responses: { 200: { description: 'The certificate after the decision', schema: Certificate } },
    handler: async ({ params, body }, ctx) => {
      const row = await decide(ctx, params.certificateId, body);
      return { status: 200, body: await viewOf(ctx.db, row) };
    },
  });
}

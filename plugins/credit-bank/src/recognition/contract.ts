import { defineContract } from '@lifelong/core/contract';
import {
  CertificateNotPending,
  EvidenceAlreadyCredited,
  EvidenceTooLarge,
  EvidenceTypeMismatch,
  LedgerRefused,
  PersonNotVerified,
} from '../shared/errors.js';
import { EVIDENCE_CEILING_BYTES } from './config.js';
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

export const uploadEvidence = defineContract({
  operationId: 'evidence.upload',
  method: 'post',
  path: '/evidence',
  errors: [EvidenceTooLarge, EvidenceTypeMismatch],
  summary: 'Upload an evidence file (PDF, PNG, JPEG or WebP) for a certificate',
  description:
    "The body is the file. Its bytes must be what the Content-Type says (415 otherwise) and no larger than the region's maxEvidenceBytes (413).",
  access: { authenticated: 'a signed-in person (the file is theirs to attach)' },
  request: { upload: { contentTypes: EVIDENCE_TYPES, maxBytes: EVIDENCE_CEILING_BYTES } },
  responses: { 201: { description: 'The stored file', schema: EvidenceFile } },
});

export const submitCertificate = defineContract({
  operationId: 'certificates.create',
  method: 'post',
  path: '/certificates',
  errors: [EvidenceAlreadyCredited, PersonNotVerified],
  summary: 'Submit a certificate of learning done elsewhere for recognition',
  access: { authenticated: 'a signed-in, verified person (for themselves)' },
  request: { body: SubmitCertificateBody },
  responses: { 201: { description: 'The submitted certificate', schema: Certificate } },
});

export const listCertificates = defineContract({
  operationId: 'certificates.list',
  method: 'get',
  path: '/certificates',
  summary: 'My certificates, oldest first',
  access: { authenticated: 'the signed-in person' },
  request: { query: CertificateListQuery },
  responses: { 200: { description: 'A page of certificates', schema: CertificatePage } },
});

export const listInstitutionCertificates = defineContract({
  operationId: 'institutions.certificates.list',
  method: 'get',
  path: '/institutions/{institutionId}/certificates',
  summary: "An institution's certificates for review (its verifiers and the region's reviewers)",
  access: { permission: 'certificates.review' },
  request: { params: InstitutionParams, query: CertificateListQuery },
  responses: { 200: { description: 'A page of certificates', schema: CertificatePage } },
});

export const getCertificate = defineContract({
  operationId: 'certificates.get',
  method: 'get',
  path: '/certificates/{certificateId}',
  summary: 'One certificate with its review history',
  access: { authenticated: 'the submitter, their guardian while a minor, records readers and reviewers' },
  request: { params: CertificateParams },
  responses: { 200: { description: 'The certificate', schema: Certificate } },
});

export const addCertificateEvidence = defineContract({
  operationId: 'certificates.evidence.add',
  method: 'post',
  path: '/certificates/{certificateId}/evidence',
  errors: [CertificateNotPending, EvidenceAlreadyCredited],
  summary: 'Add the evidence a reviewer asked for (back to review)',
  access: { authenticated: 'the submitter' },
  request: { params: CertificateParams, body: AddEvidenceBody },
  responses: { 200: { description: 'The certificate', schema: Certificate } },
});

export const decideCertificate = defineContract({
  operationId: 'certificates.decide',
  method: 'post',
  path: '/certificates/{certificateId}/decisions',
  errors: [CertificateNotPending, EvidenceAlreadyCredited, PersonNotVerified, LedgerRefused],
  summary: 'Review a certificate: approve (credits it), reject, or ask for more evidence',
  access: { permission: 'certificates.review' },
  request: { params: CertificateParams, body: CertificateDecisionBody },
  responses: { 200: { description: 'The certificate after the decision', schema: Certificate } },
});

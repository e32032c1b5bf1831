import { ConflictOfInterestError, defineContract } from '@lifelong/core/contract';
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
  description:
    'A signed-in person submits, for themselves, learning done at an institution that was an accredited provider ' +
    '(`award`) of that stage and level on `completedAt` (400 otherwise), citing evidence files they uploaded with ' +
    '`POST /evidence`. 409 `CREDIT_BANK_PERSON_NOT_VERIFIED` until their identity is verified, ' +
    '`CREDIT_BANK_EVIDENCE_ALREADY_CREDITED` when a file already earned credit; send an `Idempotency-Key` so that a ' +
    'retry does not submit twice.',
  access: { authenticated: 'a signed-in, verified person (for themselves)' },
  request: { body: SubmitCertificateBody },
  responses: { 201: { description: 'The submitted certificate', schema: Certificate } },
});

export const listCertificates = defineContract({
  operationId: 'certificates.list',
  method: 'get',
  path: '/certificates',
  summary: 'My certificates, oldest first',
  description:
    "The signed-in person's own certificates, optionally of one `?status=`, a page at a time (`?limit=&cursor=`). " +
    'API keys get 403 `CREDIT_BANK_PEOPLE_ONLY`.',
  access: { authenticated: 'the signed-in person' },
  request: { query: CertificateListQuery },
  responses: { 200: { description: 'A page of certificates', schema: CertificatePage } },
});

export const listInstitutionCertificates = defineContract({
  operationId: 'institutions.certificates.list',
  method: 'get',
  path: '/institutions/{institutionId}/certificates',
  summary: "An institution's certificates for review (its verifiers and the region's reviewers)",
  description:
    'Holders of `certificates.review` for the issuing institution (its verifiers) or its region (the registrars) ' +
    'see the certificates it issued, optionally of one `?status=` (`submitted`: waiting for review), a page at a ' +
    'time (`?limit=&cursor=`). An unknown institution is a 404; others get 403.',
  access: { permission: 'certificates.review' },
  request: { params: InstitutionParams, query: CertificateListQuery },
  responses: { 200: { description: 'A page of certificates', schema: CertificatePage } },
});

export const getCertificate = defineContract({
  operationId: 'certificates.get',
  method: 'get',
  path: '/certificates/{certificateId}',
  summary: 'One certificate with its review history',
  description:
    'Visible to the submitter, their guardian while they are a minor, holders of `records.read` in their region, ' +
    'and holders of `certificates.review` for the issuing institution or the region; others get 403. Its review ' +
    'history (decisions with their reasons, evidence added) comes oldest first.',
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
  description:
    'Only the submitter, and only while the certificate is `more-evidence-requested` (409 ' +
    '`CREDIT_BANK_CERTIFICATE_NOT_PENDING` otherwise): the files, uploaded by them with `POST /evidence`, join its ' +
    'evidence and it goes back to `submitted`. 409 `CREDIT_BANK_EVIDENCE_ALREADY_CREDITED` when a file already ' +
    'earned credit.',
  access: { authenticated: 'the submitter' },
  request: { params: CertificateParams, body: AddEvidenceBody },
  responses: { 200: { description: 'The certificate', schema: Certificate } },
});

export const decideCertificate = defineContract({
  operationId: 'certificates.decide',
  method: 'post',
  path: '/certificates/{certificateId}/decisions',
  errors: [CertificateNotPending, EvidenceAlreadyCredited, PersonNotVerified, LedgerRefused, ConflictOfInterestError],
  summary: 'Review a certificate: approve (credits it), reject, or ask for more evidence',
  description:
    "The region's reviewers, or the issuing institution's verifiers while it is accredited to `verify` that " +
    "learning, decide a `submitted` certificate of the request's region (another region's is a 404; 409 " +
    "`CREDIT_BANK_CERTIFICATE_NOT_PENDING` when not submitted). Nobody reviews their own, their ward's or their " +
    "guardian's certificate, and a region reviewer holding a role at the issuing institution does not review it " +
    'either (403 `CONFLICT_OF_INTEREST`). `approve` records the learning with its credits and points and marks its evidence credited ' +
    '(409 if a file was credited meanwhile); `reject` and `request-evidence` need a `reason`. Every decision is ' +
    'kept in the history.',
  access: { permission: 'certificates.review' },
  request: { params: CertificateParams, body: CertificateDecisionBody },
  responses: { 200: { description: 'The certificate after the decision', schema: Certificate } },
});

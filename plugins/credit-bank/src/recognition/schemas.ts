import { Page, PageQuery } from '@lifelong/core/schemas';
import { type Static, Type } from '@sinclair/typebox';
import { LearningElements } from '../shared/records/schemas.js';
import { AssessmentType, LearningForm, Level, Stage } from '../vocabulary.js';

const Id = Type.String({ format: 'uuid' });
const Timestamp = Type.String({ format: 'date-time' });
const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of an uploaded evidence file (hex).' });

export const EVIDENCE_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'] as const;

export const EvidenceFile = Type.Object({ sha256: Sha256, size: Type.Integer(), contentType: Type.String() });
export type EvidenceFile = Static<typeof EvidenceFile>;

export const CertificateEvidenceParams = Type.Object({ certificateId: Id, sha256: Sha256 });

export const SubmitCertificateBody = Type.Object(
  {
    issuingInstitutionId: Id,
    ...LearningElements,
    equivalenceKey: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'What was learnt, for equivalence (default: the issuing institution and the title).',
      }),
    ),
    evidence: Type.Array(Sha256, { minItems: 1, maxItems: 10, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type SubmitCertificateBody = Static<typeof SubmitCertificateBody>;

export const AddEvidenceBody = Type.Object(
  { evidence: Type.Array(Sha256, { minItems: 1, maxItems: 10, uniqueItems: true }) },
  { additionalProperties: false },
);
export type AddEvidenceBody = Static<typeof AddEvidenceBody>;

export const CertificateDecisionBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('approve'), Type.Literal('reject'), Type.Literal('request-evidence')]),
    reason: Type.Optional(
      Type.String({ minLength: 3, maxLength: 2000, description: 'Required to reject or to ask for evidence.' }),
    ),
  },
  { additionalProperties: false },
);
export type CertificateDecisionBody = Static<typeof CertificateDecisionBody>;

export const CertificateStatus = Type.Union([
  Type.Literal('submitted'),
  Type.Literal('more-evidence-requested'),
  Type.Literal('approved'),
  Type.Literal('rejected'),
]);

export const CertificateDecision = Type.Object({
  decision: Type.Union([
    Type.Literal('approved'),
    Type.Literal('rejected'),
    Type.Literal('more-evidence-requested'),
    Type.Literal('evidence-added'),
  ]),
  reason: Type.Union([Type.String(), Type.Null()]),
  decidedBy: Type.String(),
  decidedAt: Timestamp,
});

export const Certificate = Type.Object({
  id: Id,
  personId: Id,
  regionId: Type.String(),
  issuingInstitutionId: Id,
  title: Type.String(),
  stage: Stage,
  level: Level,
  learningOutcomes: Type.Array(Type.String()),
  workloadHours: Type.Number(),
  assessment: Type.Object({ type: AssessmentType, score: Type.Union([Type.Number(), Type.Null()]) }),
  form: LearningForm,
  completedAt: Timestamp,
  equivalenceKey: Type.String(),
  evidence: Type.Array(Sha256),
  status: CertificateStatus,
  recordId: Type.Union([Id, Type.Null()]),
  submittedAt: Timestamp,
  decisions: Type.Array(CertificateDecision),
});
export type Certificate = Static<typeof Certificate>;

export const CertificatePage = Page(Certificate);
export const CertificateParams = Type.Object({ certificateId: Id });
export const InstitutionParams = Type.Object({ institutionId: Id });
export const CertificateListQuery = Type.Object(
  { ...PageQuery.properties, status: Type.Optional(CertificateStatus) },
  { additionalProperties: false },
);

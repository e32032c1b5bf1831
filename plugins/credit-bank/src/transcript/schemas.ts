import { type Static, Type } from '@sinclair/typebox';
import { LearnerParams } from '../shared/records/schemas.js';
import { AssessmentType, Level, Stage } from '../vocabulary.js';

const Id = Type.String({ format: 'uuid' });
const Timestamp = Type.String({ format: 'date-time' });
const Credits = Type.String({ description: 'CREDIT minor units (scale 1).' });

/** How a record came to be trusted: recorded on the platform, a verified certificate, an institution's import, a registrar. */
export const Verification = Type.Union([
  Type.Literal('platform-recorded'),
  Type.Literal('certificate-verified'),
  Type.Literal('institution-attested'),
  Type.Literal('registrar-entered'),
]);

export const TranscriptEntry = Type.Object({
  id: Id,
  title: Type.String(),
  stage: Stage,
  level: Level,
  providerInstitutionId: Type.Union([Id, Type.Null()]),
  completedAt: Timestamp,
  workloadHours: Type.Number(),
  assessmentType: AssessmentType,
  credits: Credits,
  status: Type.Union([Type.Literal('active'), Type.Literal('withdrawn')]),
  verification: Verification,
});
export type TranscriptEntry = Static<typeof TranscriptEntry>;

export const Transcript = Type.Object({
  learnerNumber: Type.String(),
  generatedAt: Timestamp,
  /** Only what a share link chose, when read through one. */
  shared: Type.Boolean(),
  totals: Type.Object({
    credits: Credits,
    records: Type.Integer({ description: 'Active records.' }),
    withdrawn: Type.Integer(),
    workloadHours: Type.Number(),
  }),
  byStage: Type.Array(Type.Object({ stage: Stage, credits: Credits, records: Type.Integer() })),
  byYear: Type.Array(Type.Object({ year: Type.Integer(), credits: Credits, records: Type.Integer() })),
  byVerification: Type.Array(Type.Object({ verification: Verification, credits: Credits, records: Type.Integer() })),
  records: Type.Object(
    { items: Type.Array(TranscriptEntry), nextCursor: Type.Union([Type.String(), Type.Null()]) },
    { description: 'Oldest first, a page at a time (`?limit=&cursor=`); the printable HTML has them all.' },
  ),
});
export type Transcript = Static<typeof Transcript>;

export const TranscriptParams = LearnerParams;
export const TranscriptQuery = Type.Object(
  {
    format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('html')], { default: 'json' })),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 1000, default: 50, description: 'Records per page (JSON).' }),
    ),
    cursor: Type.Optional(Type.String({ maxLength: 512, pattern: '^[A-Za-z0-9_-]+$' })),
  },
  { additionalProperties: false },
);

export const CreateShareBody = Type.Object(
  {
    expiresAt: Timestamp,
    stages: Type.Optional(Type.Array(Stage, { maxItems: 10, uniqueItems: true })),
    recordIds: Type.Optional(Type.Array(Id, { maxItems: 1000, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type CreateShareBody = Static<typeof CreateShareBody>;

export const TranscriptShare = Type.Object({
  id: Id,
  stages: Type.Array(Stage),
  recordIds: Type.Array(Id),
  expiresAt: Timestamp,
  revokedAt: Type.Union([Timestamp, Type.Null()]),
  createdAt: Timestamp,
});
export const CreatedShare = Type.Composite([
  TranscriptShare,
  Type.Object({
    token: Type.String({ description: 'Shown once: GET /shared-transcripts/{token} reads the shared part.' }),
    path: Type.String(),
  }),
]);
export const ShareList = Type.Object({ items: Type.Array(TranscriptShare) });
export const ShareParams = Type.Object({ shareId: Id });
export const SharedParams = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{43}$' }) });

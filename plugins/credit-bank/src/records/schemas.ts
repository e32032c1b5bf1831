import { Page, PageQuery } from '@lifelong/core/schemas';
import { type Static, Type } from '@sinclair/typebox';
import { LearningElements } from '../shared/records/schemas.js';
import { AssessmentType, LearningForm, Level, Stage } from '../vocabulary.js';

const Id = Type.String({ format: 'uuid' });
const Timestamp = Type.String({ format: 'date-time' });
const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of a file in the store (hex).' });

export const LearningRecord = Type.Object({
  id: Id,
  personId: Id,
  regionId: Type.String(),
  title: Type.String(),
  providerInstitutionId: Type.Union([Id, Type.Null()]),
  stage: Stage,
  level: Level,
  learningOutcomes: Type.Array(Type.String()),
  workloadHours: Type.Number(),
  assessment: Type.Object({ type: AssessmentType, score: Type.Union([Type.Number(), Type.Null()]) }),
  form: LearningForm,
  completedAt: Timestamp,
  evidence: Type.Array(Sha256),
  credits: Type.String({ description: 'CREDIT minor units (scale 1: "15" is 1.5 credits).' }),
  points: Type.String({ description: 'POINTs minted with the credits.' }),
  outcome: Type.Union([Type.Literal('awarded'), Type.Literal('equivalent'), Type.Literal('capped')]),
  origin: Type.Union([
    Type.Literal('completion'),
    Type.Literal('recognition'),
    Type.Literal('import'),
    Type.Literal('manual'),
  ]),
  source: Type.String(),
  sourceRef: Type.String(),
  equivalenceKey: Type.String(),
  status: Type.Union([Type.Literal('active'), Type.Literal('withdrawn')]),
  withdrawal: Type.Union([
    Type.Object({ reason: Type.String(), at: Timestamp, by: Type.String({ description: 'Actor id.' }) }),
    Type.Null(),
  ]),
  createdAt: Timestamp,
});
export type LearningRecord = Static<typeof LearningRecord>;

export const LearningRecordPage = Page(LearningRecord);
export const RecordListQuery = PageQuery;
export const RecordParams = Type.Object({ recordId: Id });

export const WithdrawRecordBody = Type.Object(
  {
    reason: Type.String({ minLength: 3, maxLength: 1000, description: 'Why the record is withdrawn (kept with it).' }),
  },
  { additionalProperties: false },
);
export type WithdrawRecordBody = Static<typeof WithdrawRecordBody>;

/** `POST /people/{learnerNumber}/records`: one piece of learning entered by hand. */
export const EnterRecordBody = Type.Object(
  {
    institutionId: Type.Optional(
      Type.String({
        format: 'uuid',
        description:
          "The providing institution: required unless the caller is an institution's own API key (its default; else 400, rule `institutionOfCaller`).",
      }),
    ),
    externalId: Type.String({
      minLength: 1,
      maxLength: 200,
      description:
        "The institution's id for this piece of learning, as in an import row: entering it again (or importing it) " +
        'answers the record already made, never a second one.',
    }),
    equivalenceKey: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Default: the title.' })),
    ...LearningElements,
  },
  { additionalProperties: false },
);
export type EnterRecordBody = Static<typeof EnterRecordBody>;

import { type Static, Type } from '@sinclair/typebox';
import { AssessmentType, LearningForm, Level, Stage } from './vocabulary.js';

/**
 * A completion of on-platform learning, as another plugin reports it. `source` + `sourceRef` is
 * the idempotency key (one award, however often it is reported); `equivalenceKey` names what was
 * learnt, so the same course (or an equivalent one) is never credited twice to one person.
 */
export const CompletionInput = Type.Object(
  {
    source: Type.String({ pattern: '^[a-z][a-z0-9-]*$', maxLength: 64, description: 'The reporting plugin id.' }),
    sourceRef: Type.String({ minLength: 1, maxLength: 200, description: 'Its id for this completion.' }),
    personId: Type.String({ format: 'uuid' }),
    regionId: Type.String({ minLength: 1, maxLength: 64 }),
    equivalenceKey: Type.String({ minLength: 1, maxLength: 200 }),
    title: Type.String({ minLength: 1, maxLength: 300 }),
    providerInstitutionId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
    stage: Stage,
    level: Type.Optional(Level),
    learningOutcomes: Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { maxItems: 50 }),
    workloadHours: Type.Number({ exclusiveMinimum: 0, maximum: 10_000 }),
    assessment: Type.Object({
      type: AssessmentType,
      /** 0–100 when the assessment is scored. */
      score: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
    }),
    form: LearningForm,
    completedAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
export type CompletionInput = Static<typeof CompletionInput>;

/**
 * What became of a completion: `awarded` (a record with credits and points), `duplicate` (this
 * source + ref was reported before: the original outcome), `equivalent` (already credited for an
 * equivalent course: a record without credits), `capped` (a record with the credits the caps
 * still allowed, possibly zero).
 */
export interface AwardOutcome {
  status: 'awarded' | 'duplicate' | 'equivalent' | 'capped';
  recordId: string;
  /** CREDIT minor units (scale 1: "15" is 1.5 credits), as a decimal string. */
  credits: string;
  /** POINTs minted into the person's wallet, as a decimal string. */
  points: string;
}

import { Type } from '@sinclair/typebox';
import { AssessmentType, LearningForm, Level, Stage } from '../../vocabulary.js';

// Request schemas of learning records that records, recognition, imports and transcripts share.

const Timestamp = Type.String({ format: 'date-time' });

/** The elements of a piece of learning (EU micro-credential elements), as clients send them. */
export const LearningElements = {
  title: Type.String({ minLength: 1, maxLength: 300 }),
  stage: Stage,
  level: Type.Optional(Level),
  learningOutcomes: Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { maxItems: 50 }),
  workloadHours: Type.Number({ exclusiveMinimum: 0, maximum: 10_000, description: 'Notional workload in hours.' }),
  assessment: Type.Object(
    {
      type: AssessmentType,
      score: Type.Optional(Type.Number({ minimum: 0, maximum: 100, description: '0–100 when scored.' })),
    },
    { additionalProperties: false },
  ),
  form: LearningForm,
  completedAt: Timestamp,
};

/** A person named by their lifelong learner number (records and transcripts). */
export const LearnerParams = Type.Object({
  learnerNumber: Type.String({ minLength: 1, maxLength: 32, description: "The person's lifelong learner number." }),
});

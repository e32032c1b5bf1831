import { Type } from '@sinclair/typebox';

const Weight = (description: string) => Type.Integer({ minimum: 0, maximum: 10_000, default: 2000, description });

/**
 * Per-region configuration of the quality teacher database. A teacher's score (0–100) is the
 * weighted mean of five figures, each 0–1 (see docs/plugins/teacher-development.md).
 */
export const QualityConfig = Type.Object(
  {
    threshold: Type.Number({
      minimum: 0,
      maximum: 100,
      default: 60,
      description: 'Score from which a teacher enters the database.',
    }),
    weights: Type.Object(
      {
        activeLearners: Weight('Active learners, against activeLearnersTarget.'),
        completionRate: Weight('Completed enrolments / enrolments.'),
        ratings: Weight('Average stars, 1–5 mapped to 0–1 (no ratings: 0.5).'),
        retention: Weight('Learners who start lesson k+1 after completing lesson k.'),
        repeatEnrolment: Weight("Learners who enrolled in more than one of the teacher's courses."),
      },
      { default: {} },
    ),
    activeWindowDays: Type.Integer({ minimum: 1, maximum: 365, default: 30 }),
    activeLearnersTarget: Type.Integer({
      minimum: 1,
      maximum: 1_000_000,
      default: 20,
      description: 'Active learners that count as a full 1.',
    }),
    minSample: Type.Integer({
      minimum: 1,
      maximum: 10_000,
      default: 5,
      description: 'Fewest learners a suggestion about a lesson or a rating may rest on.',
    }),
    dropBps: Type.Integer({
      minimum: 1,
      maximum: 10_000,
      default: 3000,
      description:
        'A lesson is a drop point when this share (bps) of the learners who reached the previous one do not start it.',
    }),
  },
  { default: {} },
);

import { Type } from '@sinclair/typebox';

/**
 * What a completion needs as evidence. Each lesson needs engaged time — seconds the server credited
 * from the player's progress events — of at least `minEngagedRatio` × its media duration
 * (`secondsWithoutDuration` for a lesson that declares none).
 */
export const CompletionRuleConfig = Type.Object(
  {
    minEngagedRatio: Type.Number({
      minimum: 0,
      maximum: 1,
      default: 0.8,
      description: "Share of a lesson's media duration the learner must have engaged with to complete it.",
    }),
    secondsWithoutDuration: Type.Integer({
      minimum: 0,
      maximum: 86_400,
      default: 60,
      description: 'Engaged seconds a lesson without a declared media duration needs.',
    }),
    maxSecondsPerEvent: Type.Integer({
      minimum: 1,
      maximum: 3_600,
      default: 300,
      description: 'The most engaged seconds one progress event is credited, however long since the last one.',
    }),
    requireAssessmentPassed: Type.Literal(false, {
      default: false,
      description: 'Reserved: an "assessment passed" completion rule is not yet available; only false is accepted.',
    }),
  },
  { additionalProperties: false, default: {} },
);

/** Per-region configuration of the learning feature (defaults apply when a region sets nothing). */
export const LearningConfig = Type.Object(
  {
    completionAssessment: Type.Union(
      [Type.Literal('none'), Type.Literal('participation'), Type.Literal('quiz'), Type.Literal('exam')],
      { default: 'participation', description: 'How completing every lesson is reported to the credit bank.' },
    ),
    completion: CompletionRuleConfig,
    ratings: Type.Object(
      {
        minCountForAverage: Type.Integer({
          minimum: 1,
          maximum: 1_000,
          default: 3,
          description: 'Ratings a course needs before its average is shown (fewer would identify the raters).',
        }),
      },
      { additionalProperties: false, default: {} },
    ),
  },
  { default: {} },
);

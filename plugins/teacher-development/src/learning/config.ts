import { Type } from '@sinclair/typebox';

/** Per-region configuration of the learning feature (defaults apply when a region sets nothing). */
export const LearningConfig = Type.Object(
  {
    completionAssessment: Type.Union(
      [Type.Literal('none'), Type.Literal('participation'), Type.Literal('quiz'), Type.Literal('exam')],
      { default: 'participation', description: 'How completing every lesson is reported to the credit bank.' },
    ),
  },
  { default: {} },
);

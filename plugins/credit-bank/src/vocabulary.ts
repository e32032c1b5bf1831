import { Type } from '@sinclair/typebox';

/** Stages of life a piece of learning belongs to (the paper's "whole life cycle"). */
export const STAGES = [
  'early',
  'preschool',
  'primary',
  'middle',
  'high',
  'university',
  'vocational',
  'innovation-entrepreneurship',
  'social-pre-service',
  'social-in-service',
] as const;
export const Stage = Type.Union(
  STAGES.map((s) => Type.Literal(s)),
  { description: 'Stage of life the learning belongs to.' },
);

export const LearningForm = Type.Union([Type.Literal('online'), Type.Literal('offline'), Type.Literal('blended')], {
  description: 'Form of participation.',
});

/** How the learning was assessed (an EU micro-credential element). */
export const AssessmentType = Type.Union(
  [
    Type.Literal('none'),
    Type.Literal('participation'),
    Type.Literal('quiz'),
    Type.Literal('exam'),
    Type.Literal('project'),
    Type.Literal('practical'),
    Type.Literal('portfolio'),
  ],
  { description: 'Type of assessment.' },
);

/** Levels, loosely aligned with EQF 1–8; `none` when a course has no level. */
/** Levels of a qualifications framework (`none`, then 1–8). */
export const LEVELS = ['none', '1', '2', '3', '4', '5', '6', '7', '8'] as const;
export const Level = Type.Union(
  LEVELS.map((l) => Type.Literal(l)),
  { description: 'Qualification level (EQF-style 1–8), or none.' },
);

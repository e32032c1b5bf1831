import { type Static, Type } from '@sinclair/typebox';

// An engagement template as data: a framework's indicators and grading scale, and the stages an
// engagement walks through, each with its tasks, its milestones and its deadline in working days.

export const Slug = Type.String({ minLength: 1, maxLength: 60, pattern: '^[a-z0-9][a-z0-9.-]*$' });
export const IndicatorCode = Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' });

/**
 * What makes a milestone met. `manual`: the team lead records it. The others are checked against
 * the engagement's own records when the team asks to advance.
 */
export const MilestoneCheck = Type.Union([
  Type.Literal('manual'),
  Type.Literal('selfEvaluationSubmitted'),
  Type.Literal('evidenceRecorded'),
  Type.Literal('allIndicatorsGraded'),
  Type.Literal('findingsWithSolutions'),
  Type.Literal('draftReleased'),
  Type.Literal('accuracyWindowClosed'),
  Type.Literal('noOpenComplaints'),
  Type.Literal('reportFinal'),
  Type.Literal('actionPlanAgreed'),
  Type.Literal('returnVisitsCompleted'),
  Type.Literal('expertAssigned'),
]);
export type MilestoneCheck = Static<typeof MilestoneCheck>;

export const Milestone = Type.Object(
  { key: Slug, name: Type.String({ minLength: 1, maxLength: 200 }), check: MilestoneCheck },
  { additionalProperties: false },
);

export const Stage = Type.Object(
  {
    key: Slug,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    durationWorkingDays: Type.Integer({ minimum: 0, maximum: 365, description: '0: no deadline' }),
    tasks: Type.Array(Type.String({ minLength: 1, maxLength: 300 }), { maxItems: 30 }),
    milestones: Type.Array(Milestone, { maxItems: 20 }),
  },
  { additionalProperties: false },
);
export type Stage = Static<typeof Stage>;

export const Indicator = Type.Object(
  { code: IndicatorCode, name: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

export const Scale = Type.Object(
  {
    min: Type.Integer({ minimum: 0, maximum: 10 }),
    max: Type.Integer({ minimum: 1, maximum: 10 }),
    labels: Type.Array(Type.String({ minLength: 1, maxLength: 60 }), {
      maxItems: 11,
      description: 'One label per grade, from min to max (optional)',
    }),
  },
  { additionalProperties: false },
);
export type Scale = Static<typeof Scale>;

/** A template's content: what a region writes to add its own framework. */
export const TemplateDefinition = Type.Object(
  {
    key: Slug,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    scale: Scale,
    indicators: Type.Array(Indicator, { minItems: 1, maxItems: 60 }),
    stages: Type.Array(Stage, { minItems: 2, maxItems: 30 }),
    returnVisits: Type.Integer({
      minimum: 0,
      maximum: 12,
      description: 'How many return visits the action plan schedules',
    }),
    visitIntervalWorkingDays: Type.Integer({ minimum: 1, maximum: 365 }),
  },
  { additionalProperties: false },
);
export type TemplateDefinition = Static<typeof TemplateDefinition>;

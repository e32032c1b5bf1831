import { type Static, Type } from '@sinclair/typebox';

// Building blocks shared by the features' request and response schemas.
export const Id = Type.String({ format: 'uuid' });
export const Timestamp = Type.String({ format: 'date-time' });
export const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A day, `YYYY-MM-DD`.' });
export const Period = Type.String({
  pattern: '^\\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$',
  description: 'A month `2026-05`, a quarter `2026-Q2` or a year `2026`.',
});
/** An indicator code or data element name: dotted lowercase words, e.g. `course.completion-rate`. */
export const Code = Type.String({ minLength: 2, maxLength: 80, pattern: '^[a-z][a-z0-9]*([.-][a-z0-9]+)*$' });
export const Element = Code;

export const SCOPE_TYPES = ['region', 'institution', 'programme', 'course', 'teacher'] as const;
export const ScopeType = Type.Union(SCOPE_TYPES.map((s) => Type.Literal(s)));
export type ScopeType = Static<typeof ScopeType>;
export const ScopeId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9_-]*$' });

export const LEVELS = [
  'region',
  'institution',
  'programme',
  'course',
  'teacher',
  'student',
  'operation',
  'administration',
] as const;
export const Level = Type.Union(LEVELS.map((l) => Type.Literal(l)));

export const Term = Type.Object(
  {
    element: Element,
    aggregation: Type.Union([Type.Literal('sum'), Type.Literal('count'), Type.Literal('average')], {
      description: '`sum` of the values, `count` of the data points, or their `average`.',
    }),
  },
  { additionalProperties: false },
);

/** What defines an indicator (a region's own, or one of a pack). */
export const IndicatorDefinitionFields = {
  code: Code,
  name: Type.String({ minLength: 1, maxLength: 200 }),
  level: Level,
  area: Type.Union(
    [Type.Literal('teachers'), Type.Literal('education'), Type.Literal('operations'), Type.Literal('administration')],
    { description: "The paper's four monitoring areas." },
  ),
  definition: Type.String({ minLength: 1, maxLength: 2000, description: 'What the indicator measures, in words.' }),
  numerator: Term,
  denominator: Type.Union([Term, Type.Null()], { description: 'Null: the numerator alone (times the factor).' }),
  factor: Type.Number({ exclusiveMinimum: 0, maximum: 1_000_000, description: '100 for a percentage.' }),
  periodType: Type.Union([Type.Literal('month'), Type.Literal('quarter'), Type.Literal('year')]),
  unit: Type.String({ minLength: 1, maxLength: 40 }),
  minimumN: Type.Integer({
    minimum: 1,
    maximum: 100_000,
    description: 'Below this many data points (of the denominator) the value is suppressed.',
  }),
  direction: Type.Union([Type.Literal('higher-is-better'), Type.Literal('lower-is-better')]),
  target: Type.Number({ description: 'Green at or beyond this value (the standard).' }),
  threshold: Type.Number({ description: 'Red beyond this value; amber between it and the target.' }),
  margin: Type.Number({
    minimum: 0,
    description: 'How far the indicator must move for an improvement action to count as effective.',
  }),
  audience: Type.Union([Type.Literal('staff'), Type.Literal('public')], {
    description: '`public`: anonymous aggregates any signed-in person may read (region and institution scopes).',
  }),
};
export const IndicatorDefinition = Type.Object(IndicatorDefinitionFields, { additionalProperties: false });
export type IndicatorDefinition = Static<typeof IndicatorDefinition>;

export const Indicator = Type.Object({
  ...IndicatorDefinitionFields,
  version: Type.Integer({ minimum: 1 }),
  pack: Type.Union([Type.String(), Type.Null()], {
    description: 'The first-party pack, or null for the region’s own.',
  }),
});
export type Indicator = Static<typeof Indicator>;

export const STATUSES = ['green', 'amber', 'red', 'suppressed'] as const;
export const Status = Type.Union(STATUSES.map((s) => Type.Literal(s)));
export type Status = Static<typeof Status>;

export const SeriesItem = Type.Object({
  period: Period,
  value: Type.Union([Type.Number(), Type.Null()], { description: 'Null when suppressed (never a zero).' }),
  n: Type.Integer({ minimum: 0 }),
  status: Status,
});
export type SeriesItem = Static<typeof SeriesItem>;
export const Series = Type.Object({ items: Type.Array(SeriesItem) });
export type Series = Static<typeof Series>;

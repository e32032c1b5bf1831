import { type Static, Type } from '@sinclair/typebox';
import { Period } from '../shared/common-schemas.js';

export { Series, SeriesItem } from '../shared/common-schemas.js';
export { ScopeIndicatorParams } from '../shared/scope-schemas.js';

export const SeriesQuery = Type.Object({
  from: Period,
  to: Period,
});
export type SeriesQuery = Static<typeof SeriesQuery>;

export const ChartQuery = Type.Object({
  from: Period,
  to: Period,
  width: Type.Optional(Type.Integer({ minimum: 200, maximum: 2000, default: 640 })),
  height: Type.Optional(Type.Integer({ minimum: 120, maximum: 1200, default: 320 })),
});
export type ChartQuery = Static<typeof ChartQuery>;

export const SetTargetBody = Type.Object(
  {
    period: Type.Optional(
      Type.Union([Period, Type.Literal('*')], { description: 'The period it holds for; `*` (default): every period.' }),
    ),
    target: Type.Number(),
    threshold: Type.Number(),
    margin: Type.Optional(Type.Number({ minimum: 0 })),
  },
  { additionalProperties: false },
);
export type SetTargetBody = Static<typeof SetTargetBody>;
export const Target = Type.Object({
  scopeType: Type.String(),
  scopeId: Type.String(),
  code: Type.String(),
  period: Type.String(),
  target: Type.Number(),
  threshold: Type.Number(),
  margin: Type.Number(),
});

import { Page, PageQuery } from '@lifelong/core/schemas';
import { type Static, Type } from '@sinclair/typebox';
import { Day, Element, Id, ScopeId, Timestamp } from '../shared/common-schemas.js';
import { Scope } from '../shared/scope-schemas.js';

export { Scope, ScopeParams } from '../shared/scope-schemas.js';

export const CreateScopeBody = Type.Object(
  {
    scopeType: Type.Union([Type.Literal('programme'), Type.Literal('course'), Type.Literal('teacher')]),
    scopeId: ScopeId,
    parentType: Type.Union([Type.Literal('institution'), Type.Literal('programme'), Type.Literal('course')]),
    parentId: ScopeId,
    name: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type CreateScopeBody = Static<typeof CreateScopeBody>;
export const ScopeList = Type.Object({ items: Type.Array(Scope) });

export const PointInput = Type.Object(
  {
    element: Element,
    date: Day,
    value: Type.Number({ minimum: -1e12, maximum: 1e12 }),
    key: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 120,
        description:
          'Your idempotency key for this value: a repeat with the same key is a duplicate, not a second value.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type PointInput = Static<typeof PointInput>;
export const RecordPointsBody = Type.Object(
  { points: Type.Array(PointInput, { minItems: 1, maxItems: 1000 }) },
  { additionalProperties: false },
);
export const RecordResult = Type.Object({
  recorded: Type.Integer({ minimum: 0 }),
  duplicates: Type.Integer({ minimum: 0 }),
});

export const PointsQuery = Type.Composite([PageQuery, Type.Object({ element: Type.Optional(Element) })]);
export const DataPoint = Type.Object({
  id: Id,
  element: Type.String(),
  date: Day,
  value: Type.Number(),
  source: Type.Union([Type.Literal('event'), Type.Literal('manual'), Type.Literal('csv')]),
  sourceKey: Type.String(),
  recordedBy: Type.Union([Id, Type.Null()]),
  recordedAt: Timestamp,
});
export type DataPoint = Static<typeof DataPoint>;
export const DataPointPage = Page(DataPoint);

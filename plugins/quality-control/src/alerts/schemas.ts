import { Page, PageQuery } from '@lifelong/core/schemas';
import { type Static, Type } from '@sinclair/typebox';
import { Code, Day, Id, Period, ScopeId, ScopeType, Timestamp } from '../shared/common-schemas.js';

export const Alert = Type.Object({
  id: Id,
  regionId: Type.String(),
  scopeType: Type.String(),
  scopeId: Type.String(),
  code: Type.String(),
  period: Type.String(),
  value: Type.Number(),
  target: Type.Number(),
  threshold: Type.Number(),
  ownerRole: Type.String(),
  ownerPersonId: Type.Union([Id, Type.Null()]),
  status: Type.Union([Type.Literal('open'), Type.Literal('acknowledged')]),
  raisedAt: Timestamp,
  acknowledgedBy: Type.Union([Id, Type.Null()]),
  acknowledgedAt: Type.Union([Timestamp, Type.Null()]),
});
export type Alert = Static<typeof Alert>;
export const AlertPage = Page(Alert);
export const AlertQuery = Type.Composite([
  PageQuery,
  Type.Object({ status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('acknowledged')])) }),
]);
export const AlertParams = Type.Object({ alertId: Id });

export const CreateActionBody = Type.Object(
  {
    scopeType: ScopeType,
    scopeId: ScopeId,
    code: Code,
    alertId: Type.Optional(Id),
    diagnosis: Type.String({ minLength: 1, maxLength: 5000 }),
    ownerPersonId: Id,
    dueOn: Day,
    baselinePeriod: Period,
  },
  { additionalProperties: false },
);
export type CreateActionBody = Static<typeof CreateActionBody>;
export const ActionParams = Type.Object({ actionId: Id });
export const ActionStatusBody = Type.Object(
  { status: Type.Union([Type.Literal('in-progress'), Type.Literal('done')]) },
  { additionalProperties: false },
);
export const Action = Type.Object({
  id: Id,
  regionId: Type.String(),
  scopeType: Type.String(),
  scopeId: Type.String(),
  code: Type.String(),
  alertId: Type.Union([Id, Type.Null()]),
  diagnosis: Type.String(),
  ownerPersonId: Id,
  dueOn: Day,
  baselinePeriod: Type.String(),
  status: Type.Union([
    Type.Literal('planned'),
    Type.Literal('in-progress'),
    Type.Literal('done'),
    Type.Literal('verified'),
  ]),
  margin: Type.Number(),
  baselineValue: Type.Union([Type.Number(), Type.Null()]),
  nextValue: Type.Union([Type.Number(), Type.Null()]),
  verdict: Type.Union([Type.Literal('effective'), Type.Literal('ineffective'), Type.Null()]),
  createdAt: Timestamp,
  verifiedAt: Type.Union([Timestamp, Type.Null()]),
});
export type Action = Static<typeof Action>;

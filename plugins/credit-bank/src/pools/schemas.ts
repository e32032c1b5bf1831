import { Page, PageQuery } from '@lifelong/core/schemas';
import { type Static, Type } from '@sinclair/typebox';
import { Amount } from '../shared/schemas.js';

export const PoolParams = Type.Object({ groupId: Type.String({ format: 'uuid' }) });
export const SpendRequestParams = Type.Object({
  groupId: Type.String({ format: 'uuid' }),
  requestId: Type.String({ format: 'uuid' }),
});

export const Pool = Type.Object({
  groupId: Type.String({ format: 'uuid' }),
  accountId: Type.String({ format: 'uuid' }),
  balance: Type.String(),
  held: Type.String({ description: 'Held by spends not yet delivered.' }),
  available: Type.String(),
  approvalsRequired: Type.Integer(),
});
export type Pool = Static<typeof Pool>;

export const ContributionBody = Type.Object({ points: Amount }, { additionalProperties: false });

export const PoolMovement = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Type.Union([Type.Literal('contribution'), Type.Literal('spend'), Type.Literal('withdrawal')]),
  by: Type.String({
    description:
      'A learner number: who contributed, whose approval executed the spend, or the member a withdrawal paid.',
  }),
  amount: Type.String(),
  redemption: Type.Union([
    Type.Object({ id: Type.String({ format: 'uuid' }), resourceId: Type.String(), status: Type.String() }),
    Type.Null(),
  ]),
  createdAt: Type.String({ format: 'date-time' }),
});
export type PoolMovement = Static<typeof PoolMovement>;
export const PoolMovementPage = Page(PoolMovement);
export const PoolListQuery = PageQuery;

export const SpendRequestBody = Type.Object(
  { resourceId: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);

export const WithdrawalRequestBody = Type.Object(
  {
    points: Amount,
    toLearnerNumber: Type.String({
      minLength: 1,
      maxLength: 32,
      description: 'The member of the group whose POINT wallet receives the points (yourself included).',
    }),
  },
  { additionalProperties: false },
);

export const SpendRequest = Type.Object({
  id: Type.String({ format: 'uuid' }),
  groupId: Type.String({ format: 'uuid' }),
  kind: Type.Union([Type.Literal('spend'), Type.Literal('withdrawal')], {
    description: 'spend: buys `resourceId`; withdrawal: pays `points` to the member `to`.',
  }),
  resourceId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  points: Type.Union([Type.String(), Type.Null()]),
  to: Type.Union([Type.String({ description: 'A learner number.' }), Type.Null()]),
  status: Type.Union([Type.Literal('pending'), Type.Literal('executed'), Type.Literal('refunded')], {
    description:
      'pending: collecting approvals; executed: its redemption holds or paid the price (a withdrawal: the points ' +
      'were paid); refunded: that redemption was cancelled, declined or expired and the pool has the points back.',
  }),
  approvalsRequired: Type.Integer(),
  approvals: Type.Integer(),
  redemptionId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  executedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  refundedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type SpendRequest = Static<typeof SpendRequest>;
export const SpendRequestPage = Page(SpendRequest);

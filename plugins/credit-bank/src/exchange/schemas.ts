import { Page, PageQuery } from '@lifelong/core/schemas';
import { type Static, Type } from '@sinclair/typebox';
import { REDEMPTION_STATUSES, RESOURCE_KINDS } from '../shared/exchange/kinds.js';
import { Amount } from '../shared/schemas.js';

export { LEARNING_KINDS, REDEMPTION_STATUSES, RESOURCE_KINDS } from '../shared/exchange/kinds.js';

export const ResourceKind = Type.Union(
  RESOURCE_KINDS.map((k) => Type.Literal(k)),
  { description: 'What the resource is; course, learning-voucher and book may be paid with vouchers.' },
);

const Title = Type.String({ minLength: 1, maxLength: 200, pattern: '^\\S(.*\\S)?$' });

export const CreateResourceBody = Type.Object(
  {
    kind: ResourceKind,
    title: Title,
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    /** POINTs per unit (a voucher pays one point of price). */
    price: Amount,
    stock: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
    /** The offering institution; without it the region offers the resource. */
    institutionId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  { additionalProperties: false },
);
export type CreateResourceBody = Static<typeof CreateResourceBody>;

export const UpdateResourceBody = Type.Object(
  {
    /** Adds to (or, negative, takes from) the stock left; the stock never goes below zero. */
    restock: Type.Optional(Type.Integer({ minimum: -1_000_000, maximum: 1_000_000 })),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('withdrawn')])),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const Resource = Type.Object({
  id: Type.String({ format: 'uuid' }),
  regionId: Type.String(),
  kind: ResourceKind,
  title: Type.String(),
  description: Type.String(),
  price: Type.String(),
  stock: Type.Integer(),
  offeredBy: Type.Object({
    type: Type.Union([Type.Literal('institution'), Type.Literal('region')]),
    id: Type.String(),
  }),
  status: Type.Union([Type.Literal('active'), Type.Literal('withdrawn')]),
  acceptsVouchers: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type Resource = Static<typeof Resource>;

export const ResourceParams = Type.Object({ resourceId: Type.String({ format: 'uuid' }) });
export const ResourceListQuery = Type.Composite([PageQuery, Type.Object({ kind: Type.Optional(ResourceKind) })], {
  additionalProperties: false,
});
export const ResourcePage = Page(Resource);

export const RedeemBody = Type.Object(
  {
    /** `vouchers` only for learning resources. Default: points. */
    payWith: Type.Optional(Type.Union([Type.Literal('points'), Type.Literal('vouchers')])),
  },
  { additionalProperties: false },
);

export const RedemptionStatus = Type.Union(REDEMPTION_STATUSES.map((s) => Type.Literal(s)));

export const Redemption = Type.Object({
  id: Type.String({ format: 'uuid' }),
  resourceId: Type.String({ format: 'uuid' }),
  regionId: Type.String(),
  personId: Type.String({ format: 'uuid' }),
  payer: Type.Object({ type: Type.Union([Type.Literal('person'), Type.Literal('group')]), id: Type.String() }),
  asset: Type.Union([Type.Literal('POINT'), Type.Literal('VOUCHER')]),
  amount: Type.String(),
  status: RedemptionStatus,
  expiresAt: Type.String({ format: 'date-time' }),
  createdAt: Type.String({ format: 'date-time' }),
  resolvedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  approval: Type.Union(
    [
      Type.Object({
        by: Type.String({ format: 'uuid', description: 'The guardian who approved or declined.' }),
        at: Type.String({ format: 'date-time' }),
      }),
      Type.Null(),
    ],
    { description: "A guardian's decision on a minor's redemption (see `pending-approval`); null otherwise." },
  ),
});
export type Redemption = Static<typeof Redemption>;

export const RedemptionParams = Type.Object({ redemptionId: Type.String({ format: 'uuid' }) });
export const PersonRedemptionParams = Type.Object({
  learnerNumber: Type.String({ minLength: 1, maxLength: 32, description: "The minor's lifelong learner number." }),
});
export const RedemptionListQuery = Type.Composite(
  [PageQuery, Type.Object({ status: Type.Optional(RedemptionStatus) })],
  { additionalProperties: false },
);
export const RedemptionPage = Page(Redemption);

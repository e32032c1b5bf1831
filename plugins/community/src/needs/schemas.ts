import { Page, PageQuery } from '@lifelong/core/schemas';
import { type Static, Type } from '@sinclair/typebox';
import { Id, NullableTimestamp, Timestamp, Title } from '../shared/common-schemas.js';

/** Stages of life (the credit bank's vocabulary, the paper's "whole life cycle"). */
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
  { description: 'Stage of life the need belongs to.' },
);
export const NeedFormat = Type.Union(
  [Type.Literal('article'), Type.Literal('resource'), Type.Literal('course'), Type.Literal('tutoring')],
  { description: 'The form of help wanted.' },
);

export const CreateNeedBody = Type.Object(
  {
    title: Title,
    description: Type.String({ minLength: 1, maxLength: 5000 }),
    stage: Stage,
    bountyPoints: Type.Integer({
      minimum: 1,
      maximum: 1_000_000,
      description: "POINTs escrowed from the asker's wallet; within the region's `minBountyPoints`–`maxBountyPoints`.",
    }),
    format: Type.Optional(NeedFormat),
  },
  { additionalProperties: false },
);
export type CreateNeedBody = Static<typeof CreateNeedBody>;

export const NeedStatus = Type.Union([
  Type.Literal('open'),
  Type.Literal('accepted'),
  Type.Literal('withdrawn'),
  Type.Literal('expired'),
]);
export const Need = Type.Object({
  id: Id,
  regionId: Type.String(),
  personId: Id,
  title: Type.String(),
  description: Type.String(),
  stage: Type.String(),
  format: Type.Union([Type.String(), Type.Null()]),
  bountyPoints: Type.String({ description: 'POINTs, as a string (ledger amounts are strings in JSON).' }),
  status: NeedStatus,
  escrowTransferId: Id,
  payoutTransferId: Type.Union([Id, Type.Null()]),
  acceptedOfferId: Type.Union([Id, Type.Null()]),
  deadline: Timestamp,
  createdAt: Timestamp,
  resolvedAt: NullableTimestamp,
});
export type Need = Static<typeof Need>;
export const NeedPage = Page(Need);
export const NeedListQuery = Type.Object({ ...PageQuery.properties }, { additionalProperties: false });
export const NeedParams = Type.Object({ needId: Id });
export const OfferParams = Type.Object({ needId: Id, offerId: Id });

export const CreateOfferBody = Type.Object(
  { message: Type.String({ minLength: 1, maxLength: 5000 }) },
  { additionalProperties: false },
);
export const Offer = Type.Object({
  id: Id,
  needId: Id,
  providerPersonId: Id,
  message: Type.String(),
  createdAt: Timestamp,
});
export const OfferPage = Page(Offer);
export const OfferListQuery = Type.Object({ ...PageQuery.properties }, { additionalProperties: false });

import { Page, PageQuery } from '@lifelong/core/schemas';
import { type Static, Type } from '@sinclair/typebox';
import { Amount, Id, Note, NullableTimestamp, Timestamp } from '../common-schemas.js';

export const ProposeTextbookBody = Type.Object(
  {
    publisherInstitutionId: Id,
    title: Type.String({ minLength: 1, maxLength: 300 }),
    description: Type.String({ minLength: 1, maxLength: 10_000 }),
  },
  { additionalProperties: false },
);
export type ProposeTextbookBody = Static<typeof ProposeTextbookBody>;

export const ReviewTextbookBody = Type.Object(
  { decision: Type.Union([Type.Literal('accept'), Type.Literal('reject')]), note: Type.Optional(Note) },
  { additionalProperties: false },
);

export const PublishTextbookBody = Type.Object(
  {
    isbn: Type.String({ minLength: 10, maxLength: 17, description: 'ISBN-13 or ISBN-10; hyphens allowed.' }),
    price: Type.String({ pattern: '^[1-9][0-9]{0,17}$', description: "Price per copy in the asset's minor units." }),
  },
  { additionalProperties: false },
);

export const ReportSaleBody = Type.Object(
  {
    booksellerInstitutionId: Id,
    reportRef: Type.String({
      minLength: 1,
      maxLength: 200,
      description: "The bookseller's id for this report (idempotency key).",
    }),
    copies: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  },
  { additionalProperties: false },
);

export const ScheduleSigningBody = Type.Object(
  { startsAt: Timestamp, location: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);

export const Textbook = Type.Object({
  id: Id,
  regionId: Type.String(),
  teacherId: Id,
  publisherInstitutionId: Id,
  title: Type.String(),
  description: Type.String(),
  state: Type.Union([
    Type.Literal('proposed'),
    Type.Literal('accepted'),
    Type.Literal('rejected'),
    Type.Literal('published'),
  ]),
  reviewNote: Type.Union([Type.String(), Type.Null()]),
  isbn: Type.Union([Type.String(), Type.Null()]),
  price: Type.Union([Amount, Type.Null()]),
  asset: Type.Union([Type.String(), Type.Null()]),
  proposedAt: Timestamp,
  publishedAt: NullableTimestamp,
});
export type Textbook = Static<typeof Textbook>;

export const TextbookSale = Type.Object({
  id: Id,
  textbookId: Id,
  booksellerInstitutionId: Id,
  reportRef: Type.String(),
  copies: Type.Integer(),
  asset: Type.String(),
  gross: Amount,
  royalty: Amount,
  publisherShare: Amount,
  transferIds: Type.Array(Id),
  reportedAt: Timestamp,
});

export const SigningEvent = Type.Object({
  id: Id,
  textbookId: Id,
  title: Type.String(),
  startsAt: Timestamp,
  location: Type.String(),
});
export const SigningList = Page(SigningEvent);
export const TextbookList = Page(Textbook);
export const TextbookListQuery = PageQuery;
export const SigningListQuery = PageQuery;
export const TextbookParams = Type.Object({ textbookId: Id });
export const InstitutionParams = Type.Object({ institutionId: Id });

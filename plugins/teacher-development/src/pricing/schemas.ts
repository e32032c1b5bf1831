import { Page, PageQuery } from '@lifelong/core/schemas';
import { type Static, Type } from '@sinclair/typebox';
import { Amount, Id, NullableTimestamp, Timestamp } from '../common-schemas.js';

export const PriceFiguresSchema = Type.Object({
  freeUntil: Timestamp,
  users: Type.Integer(),
  tierMinUsers: Type.Union([Type.Integer(), Type.Null()]),
  tierPrice: Amount,
  hasLearningRecords: Type.Boolean(),
  activeLearners: Type.Integer(),
  activeWindowDays: Type.Integer(),
  activityFactorBps: Type.Integer(),
});

export const PriceQuote = Type.Object({
  courseId: Id,
  phase: Type.Union([Type.Literal('unpublished'), Type.Literal('free-week'), Type.Literal('priced')]),
  freeUntil: NullableTimestamp,
  asset: Type.String(),
  /** What enrolling costs now: "0" in the free week; null when no price was computed yet. */
  price: Type.Union([Amount, Type.Null()]),
  computedAt: NullableTimestamp,
  figures: Type.Union([PriceFiguresSchema, Type.Null()]),
});
export type PriceQuote = Static<typeof PriceQuote>;

export const PriceChange = Type.Object({
  id: Id,
  courseId: Id,
  asset: Type.String(),
  price: Amount,
  previousPrice: Type.Union([Amount, Type.Null()]),
  reason: Type.Union([Type.Literal('schedule'), Type.Literal('on-demand'), Type.Literal('enrolment')]),
  figures: PriceFiguresSchema,
  computedAt: Timestamp,
});
export const PriceHistoryPage = Page(PriceChange);
export const PriceHistoryQuery = PageQuery;
export type PriceHistoryQuery = Static<typeof PriceHistoryQuery>;

import { defineContract } from '@lifelong/core/contract';
import { CourseParams, Wallet } from '../common-schemas.js';
import { WrongCourseState } from '../errors.js';
import { PriceHistoryPage, PriceHistoryQuery, PriceQuote } from './schemas.js';

export const getPrice = defineContract({
  operationId: 'courses.price.get',
  method: 'get',
  path: '/courses/{courseId}/price',
  summary: 'What enrolling in a published course costs now, with the figures behind the price',
  access: { authenticated: 'any signed-in principal' },
  request: { params: CourseParams },
  responses: { 200: { description: 'The quote', schema: PriceQuote } },
});

export const recomputePrice = defineContract({
  operationId: 'courses.price.recompute',
  method: 'post',
  path: '/courses/{courseId}/price',
  summary: 'Recompute a course’s price now (after its free week)',
  access: { permission: 'pricing.manage' },
  request: { params: CourseParams },
  responses: { 200: { description: 'The new quote', schema: PriceQuote } },
  errors: [WrongCourseState],
});

export const listPriceHistory = defineContract({
  operationId: 'courses.priceHistory.list',
  method: 'get',
  path: '/courses/{courseId}/price-history',
  summary: "Every change of a course's price with its figures, oldest first (pricing managers and the teacher)",
  access: { authenticated: 'pricing managers of the region and the course’s teacher' },
  request: { params: CourseParams, query: PriceHistoryQuery },
  responses: { 200: { description: 'A page of price changes', schema: PriceHistoryPage } },
});

export const getWallet = defineContract({
  operationId: 'wallet.get',
  method: 'get',
  path: '/wallet',
  summary: "The caller's wallet in the region's pricing asset (what paid enrolments are paid from)",
  access: { authenticated: 'any signed-in person' },
  responses: { 200: { description: 'The wallet', schema: Wallet } },
});

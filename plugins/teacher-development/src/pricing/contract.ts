import { defineContract } from '@lifelong/core/contract';
import { CourseParams, Wallet } from '../common-schemas.js';
import { WrongCourseState } from '../errors.js';
import { PriceHistoryPage, PriceHistoryQuery, PriceQuote } from './schemas.js';

export const getPrice = defineContract({
  operationId: 'courses.price.get',
  method: 'get',
  path: '/courses/{courseId}/price',
  summary: 'What enrolling in a published course costs now, with the figures behind the price',
  description:
    'Anyone signed in; unpublished courses answer 404. During the free week the quote is `free-week` at ' +
    'price 0; afterwards it is the stored price with its figures, or `price: null` until a price is first ' +
    'computed (by the hourly job, a pricing manager or the first enrolment).',
  access: { authenticated: 'any signed-in principal' },
  request: { params: CourseParams },
  responses: { 200: { description: 'The quote', schema: PriceQuote } },
});

export const recomputePrice = defineContract({
  operationId: 'courses.price.recompute',
  method: 'post',
  path: '/courses/{courseId}/price',
  summary: 'Recompute a course’s price now (after its free week)',
  description:
    "Needs `pricing.manage` in the course's region. Only a published course past its free week has a " +
    'price (409 `TEACHER_DEVELOPMENT_WRONG_COURSE_STATE` otherwise); a changed price is stored in the ' +
    'history with `reason: on-demand`.',
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
  description:
    "Holders of `pricing.manage` in the region and the course's own teacher; anyone else gets 403. Each " +
    'entry carries the figures behind the price and its `reason` (`schedule`, `on-demand`, `enrolment`). ' +
    'Paginated with `?limit=&cursor=`.',
  access: { authenticated: 'pricing managers of the region and the course’s teacher' },
  request: { params: CourseParams, query: PriceHistoryQuery },
  responses: { 200: { description: 'A page of price changes', schema: PriceHistoryPage } },
});

export const getWallet = defineContract({
  operationId: 'wallet.get',
  method: 'get',
  path: '/wallet',
  summary: "The caller's wallet in the region's pricing asset (what paid enrolments are paid from)",
  description:
    "The signed-in person's credit bank wallet in the region's pricing asset (API keys get 403). " +
    '`balance` is what can be spent: posted credits minus posted and pending debits.',
  access: { authenticated: 'any signed-in person' },
  responses: { 200: { description: 'The wallet', schema: Wallet } },
});

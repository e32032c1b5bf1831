import { defineContract } from '@lifelong/core/contract';
import { Wallet } from '../common-schemas.js';
import {
  InsufficientFunds,
  NotInQualityDatabase,
  PaymentFailed,
  SaleReportConflict,
  WrongTextbookState,
} from '../errors.js';
import {
  InstitutionParams,
  ProposeTextbookBody,
  PublishTextbookBody,
  ReportSaleBody,
  ReviewTextbookBody,
  ScheduleSigningBody,
  SigningEvent,
  SigningList,
  SigningListQuery,
  Textbook,
  TextbookList,
  TextbookListQuery,
  TextbookParams,
  TextbookSale,
} from './schemas.js';

export const proposeTextbook = defineContract({
  operationId: 'textbooks.propose',
  method: 'post',
  path: '/textbooks',
  summary: 'Propose a self-compiled textbook to a publisher institution (teachers in the quality database)',
  description:
    "Only approved teachers who are in the region's quality database (403 " +
    '`TEACHER_DEVELOPMENT_NOT_IN_QUALITY_DATABASE` otherwise). The publisher institution must be in the ' +
    "request's region (400); the proposal starts `proposed`.",
  errors: [NotInQualityDatabase],
  access: { authenticated: 'teachers in the quality database' },
  request: { body: ProposeTextbookBody },
  responses: { 201: { description: 'The proposal', schema: Textbook } },
});

export const listTextbooks = defineContract({
  operationId: 'textbooks.list',
  method: 'get',
  path: '/textbooks',
  summary: "The region's published textbooks",
  description:
    "Anyone signed in sees the region's published textbooks with ISBN and price, oldest first. Paginated " +
    'with `?limit=&cursor=`.',
  access: { authenticated: 'any signed-in principal' },
  request: { query: TextbookListQuery },
  responses: { 200: { description: 'The textbooks', schema: TextbookList } },
});

export const getTextbook = defineContract({
  operationId: 'textbooks.get',
  method: 'get',
  path: '/textbooks/{textbookId}',
  summary: 'A textbook: published ones to anyone signed in, proposals to their author and publisher',
  description:
    'Published textbooks are visible to anyone signed in; proposals (proposed, accepted or rejected) only ' +
    'to their author and holders of `textbooks.publish` for the publisher institution or the region. ' +
    'Others, and textbooks of other regions, get 404.',
  access: { authenticated: 'anyone for published textbooks; the author and publisher otherwise' },
  request: { params: TextbookParams },
  responses: { 200: { description: 'The textbook', schema: Textbook } },
});

export const reviewTextbook = defineContract({
  operationId: 'textbooks.review',
  method: 'post',
  path: '/textbooks/{textbookId}/review',
  summary: 'Accept or reject a proposal (the publisher institution)',
  description:
    'Needs `textbooks.publish` for the publisher institution or the region; others get 404 for an ' +
    'unpublished textbook. Only a `proposed` textbook can be reviewed (409 ' +
    '`TEACHER_DEVELOPMENT_WRONG_TEXTBOOK_STATE`). The author (or their guardian or ward) may not review their ' +
    'own textbook (403 `CONFLICT_OF_INTEREST`).',
  access: { permission: 'textbooks.publish' },
  request: { params: TextbookParams, body: ReviewTextbookBody },
  responses: { 200: { description: 'The textbook', schema: Textbook } },
  errors: [WrongTextbookState],
});

export const publishTextbook = defineContract({
  operationId: 'textbooks.publish',
  method: 'post',
  path: '/textbooks/{textbookId}/publish',
  summary: 'Publish an accepted textbook with its ISBN (check digit validated) and price',
  description:
    'Needs `textbooks.publish` for the publisher institution or the region; others get 404 for an ' +
    'unpublished textbook. The textbook must be `accepted` (409 ' +
    '`TEACHER_DEVELOPMENT_WRONG_TEXTBOOK_STATE`); the ISBN-13 or ISBN-10 must have a valid check digit ' +
    "and belong to no other textbook (400), and `price` is in minor units of the region's textbook asset.",
  access: { permission: 'textbooks.publish' },
  request: { params: TextbookParams, body: PublishTextbookBody },
  responses: { 200: { description: 'The published textbook', schema: Textbook } },
  errors: [WrongTextbookState],
});

export const reportSale = defineContract({
  operationId: 'textbooks.sales.report',
  method: 'post',
  path: '/textbooks/{textbookId}/sales',
  summary: "Report copies sold (a bookseller): the author's royalty and the publisher's share are settled at once",
  description:
    'The bookseller pays from its textbook-sales account, as linked transfers: both legs or neither. ' +
    'Reporting the same report again (same reportRef, textbook and copies) answers 200 with the original ' +
    'settlement; a reportRef the bookseller already used for another textbook or another number of copies is ' +
    '409 `TEACHER_DEVELOPMENT_SALE_REPORT_CONFLICT`. The bookseller must be an institution of the region (400 ' +
    "naming `/body/booksellerInstitutionId`). The book's author may not report its sales (403 " +
    '`CONFLICT_OF_INTEREST`).',
  access: { permission: 'textbooks.publish' },
  request: { params: TextbookParams, body: ReportSaleBody },
  responses: {
    200: { description: 'Already reported', schema: TextbookSale },
    201: { description: 'Reported and settled', schema: TextbookSale },
  },
  errors: [WrongTextbookState, InsufficientFunds, PaymentFailed, SaleReportConflict],
});

export const getBooksellerAccount = defineContract({
  operationId: 'booksellers.account.get',
  method: 'get',
  path: '/booksellers/{institutionId}/account',
  summary: "A bookseller's textbook-sales account (what sale settlements are paid from), opened on first use",
  description:
    'Needs `textbooks.publish` for that institution or the region; the institution must be in the ' +
    "request's region (400). `balance` is what sale settlements can draw on: posted credits minus posted " +
    'and pending debits.',
  access: { permission: 'textbooks.publish' },
  request: { params: InstitutionParams },
  responses: { 200: { description: 'The account', schema: Wallet } },
});

export const scheduleSigning = defineContract({
  operationId: 'textbooks.signings.schedule',
  method: 'post',
  path: '/textbooks/{textbookId}/signings',
  summary: 'Schedule a signing event for a published textbook (its author or publisher)',
  description:
    "The textbook's author or a holder of `textbooks.publish` for its publisher institution or the " +
    'region; anyone else gets 404. The textbook must be published (409 ' +
    '`TEACHER_DEVELOPMENT_WRONG_TEXTBOOK_STATE`) and the signing must start in the future (400).',
  access: { authenticated: 'the author and the publisher' },
  request: { params: TextbookParams, body: ScheduleSigningBody },
  responses: { 201: { description: 'The signing', schema: SigningEvent } },
  errors: [WrongTextbookState],
});

export const listSignings = defineContract({
  operationId: 'signings.list',
  method: 'get',
  path: '/signings',
  summary: "The region's upcoming signing events, soonest first",
  description:
    "Anyone signed in sees the signings of the request's region that have not started yet, each with its " +
    "textbook's title. Paginated with `?limit=&cursor=`.",
  access: { authenticated: 'any signed-in principal' },
  request: { query: SigningListQuery },
  responses: { 200: { description: 'The signings', schema: SigningList } },
});

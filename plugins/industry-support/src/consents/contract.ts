import { defineContract } from '@lifelong/core/contract';
import { NeedNotFound, PeopleOnly } from '../errors.js';
import { NeedParams } from '../shared/need-params.js';
import { CandidatePage, CandidateQuery, Cohort, Consent } from './schemas.js';

const learner = { authenticated: 'the signed-in learner, for an open need of the region' } as const;

export const giveConsent = defineContract({
  operationId: 'needs.consents.give',
  method: 'post',
  path: '/needs/{needId}/consents',
  summary: 'Opt in to a need: its company may then see my learner number, profile and match',
  description:
    'Revocable at any time (`DELETE`). Giving it again while active changes nothing. A need that is not open is 404.',
  access: learner,
  request: { params: NeedParams },
  responses: { 201: { description: 'The consent', schema: Consent } },
  errors: [PeopleOnly, NeedNotFound],
});

export const withdrawConsent = defineContract({
  operationId: 'needs.consents.withdraw',
  method: 'delete',
  path: '/needs/{needId}/consents',
  summary: 'Withdraw my consent: the company sees nothing of me from now on',
  description: 'Idempotent (204 without a consent too), for a need of the region in any status.',
  access: { authenticated: 'the signed-in learner' },
  request: { params: NeedParams },
  responses: { 204: { description: 'Withdrawn' } },
  errors: [PeopleOnly, NeedNotFound],
});

export const listCandidates = defineContract({
  operationId: 'needs.candidates.list',
  method: 'get',
  path: '/needs/{needId}/candidates',
  summary: 'The learners who consent to the need, with their match (the need’s company only)',
  description:
    'Only learners with an active consent appear, by learner number (the platform shows plugins no names). ' +
    "Anyone but the need's company gets 404 `INDUSTRY_SUPPORT_NEED_NOT_FOUND`.",
  access: { authenticated: 'the need’s company' },
  request: { params: NeedParams, query: CandidateQuery },
  responses: { 200: { description: 'A page of candidates', schema: CandidatePage } },
  errors: [NeedNotFound],
});

export const getCohort = defineContract({
  operationId: 'needs.cohort',
  method: 'get',
  path: '/needs/{needId}/cohort',
  summary: 'Aggregates over the consenting learners: score distribution, mean, stalled count',
  description:
    "For the need's company and the region's `needs.read` holders. Nothing is shown below the region's " +
    '`cohortMinimum` consenting learners (every figure null), and never anything personal.',
  access: { authenticated: 'the need’s company, or industry-support.needs.read in its region' },
  request: { params: NeedParams },
  responses: { 200: { description: 'The cohort', schema: Cohort } },
  errors: [NeedNotFound],
});

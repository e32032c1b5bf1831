import { defineContract } from '@lifelong/core/contract';
import {
  AlreadyDone,
  EngagementClosed,
  EngagementNotFound,
  ExpertConflicted,
  ExpertNotFound,
  NotYourPart,
  PeopleOnly,
} from '../errors.js';
import {
  AssignExpertBody,
  Assignment,
  CreateExpertBody,
  EngagementExpertParams,
  EngagementParams,
  Expert,
  ExpertListQuery,
  ExpertPage,
  Rating,
  RatingBody,
  RecommendationQuery,
  Recommendations,
} from './schemas.js';

const notYours =
  'Callers with no part in the engagement get 404 `EVALUATION_CONSULTATION_ENGAGEMENT_NOT_FOUND`; a party ' +
  'whose role does not allow it gets 403.';

export const registerExpert = defineContract({
  operationId: 'experts.create',
  method: 'post',
  path: '/experts',
  summary: 'Add a person to the region’s expert registry',
  description:
    'For holders of `evaluation-consultation.experts.manage` in the region. The person must be registered ' +
    '(400 `/body/personId`, rule `personExists`); once per region (409 `..._ALREADY_DONE`).',
  access: { permission: 'experts.manage' },
  request: { body: CreateExpertBody },
  responses: { 201: { description: 'The expert', schema: Expert } },
  errors: [PeopleOnly, AlreadyDone],
});

export const listExperts = defineContract({
  operationId: 'experts.list',
  method: 'get',
  path: '/experts',
  summary: 'The region’s expert registry, oldest first',
  description: 'For holders of `evaluation-consultation.experts.manage` in the region.',
  access: { permission: 'experts.manage' },
  request: { query: ExpertListQuery },
  responses: { 200: { description: 'A page of experts', schema: ExpertPage } },
});

export const recommendExperts = defineContract({
  operationId: 'engagements.experts.recommendations',
  method: 'get',
  path: '/engagements/{engagementId}/experts/recommendations',
  summary: 'The region’s experts ranked for the school’s needs, each with the reasons of its score',
  description:
    `For the team. ${notYours} score = 3 × needs matched by the expert’s fields + 2 if they serve the ` +
    'region + 1 if they speak `language` + their average rating; unavailable experts and those in conflict ' +
    'with the school (worked for it within the region’s `conflictYears`, or hold a staff role in it) are ' +
    'listed under `excluded` with the reason. Ties: more ratings first, then the expert id.',
  access: { authenticated: 'the engagement’s team lead and members' },
  request: { params: EngagementParams, query: RecommendationQuery },
  responses: { 200: { description: 'The ranking', schema: Recommendations } },
  errors: [EngagementNotFound, NotYourPart],
});

export const assignExpert = defineContract({
  operationId: 'engagements.experts.assign',
  method: 'post',
  path: '/engagements/{engagementId}/experts',
  summary: 'Assign a registry expert to the engagement (never one in conflict with the school)',
  description:
    `For the team lead. ${notYours} An expert of another region’s registry is 404; one in conflict with the ` +
    'school is 409 `EVALUATION_CONSULTATION_EXPERT_CONFLICTED` (with `reason`); twice is 409 `..._ALREADY_DONE`.',
  access: { authenticated: 'the engagement’s team lead' },
  request: { params: EngagementParams, body: AssignExpertBody },
  responses: { 201: { description: 'The assignment', schema: Assignment } },
  errors: [
    EngagementNotFound,
    NotYourPart,
    PeopleOnly,
    ExpertNotFound,
    ExpertConflicted,
    AlreadyDone,
    EngagementClosed,
  ],
});

export const rateExpert = defineContract({
  operationId: 'engagements.experts.rate',
  method: 'post',
  path: '/engagements/{engagementId}/experts/{expertId}/rating',
  summary: 'The school rates an expert who worked on its engagement (1–5, once)',
  description:
    `For the school’s contacts. ${notYours} Only an expert assigned to this engagement (404 otherwise); nobody ` +
    'rates themselves or those close to them (403 `CONFLICT_OF_INTEREST`); once (409 `..._ALREADY_DONE`).',
  access: { authenticated: 'the engagement’s school contacts' },
  request: { params: EngagementExpertParams, body: RatingBody },
  responses: { 201: { description: 'The rating', schema: Rating } },
  errors: [EngagementNotFound, NotYourPart, PeopleOnly, ExpertNotFound, AlreadyDone],
});

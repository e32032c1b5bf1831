import { defineContract } from '@lifelong/core/contract';
import {
  AlreadyDone,
  EngagementClosed,
  EngagementNotFound,
  EngagementSuspended,
  NotYourPart,
  PeopleOnly,
  VisitNotFound,
  WrongStage,
} from '../errors.js';
import {
  ActionPlan,
  ActionPlanBody,
  CompletionBody,
  Effect,
  EngagementParams,
  MeasurementsBody,
  Visit,
  VisitParams,
} from './schemas.js';

const notYours =
  'Callers with no part in the engagement get 404 `EVALUATION_CONSULTATION_ENGAGEMENT_NOT_FOUND`; a party ' +
  'whose role does not allow it gets 403.';
const everyone = { authenticated: 'the engagement’s team, school contacts and experts' } as const;

export const agreeActionPlan = defineContract({
  operationId: 'engagements.actionPlan.agree',
  method: 'post',
  path: '/engagements/{engagementId}/action-plan',
  summary: 'Agree the action plan (actions per solution) and schedule the template’s return visits',
  description:
    `For the team lead, after the final report (409 \`..._WRONG_STAGE\` before), once (409 \`..._ALREADY_DONE\`). ${notYours} ` +
    'Each solution id must be one of the engagement’s (400 `/body/actions/{i}/solutionId`, rule `solutionOfEngagement`). ' +
    'Return visit n is planned `n × visitIntervalWorkingDays` working days after the agreement.',
  access: { authenticated: 'the engagement’s team lead' },
  request: { params: EngagementParams, body: ActionPlanBody },
  responses: { 201: { description: 'The action plan and its visits', schema: ActionPlan } },
  errors: [EngagementNotFound, NotYourPart, PeopleOnly, WrongStage, AlreadyDone, EngagementSuspended, EngagementClosed],
});

export const getActionPlan = defineContract({
  operationId: 'engagements.actionPlan.get',
  method: 'get',
  path: '/engagements/{engagementId}/action-plan',
  summary: 'The action plan and its return visits',
  description: notYours,
  access: everyone,
  request: { params: EngagementParams },
  responses: { 200: { description: 'The action plan', schema: ActionPlan } },
  errors: [EngagementNotFound],
});

export const recordMeasurements = defineContract({
  operationId: 'engagements.visits.measurements.record',
  method: 'post',
  path: '/engagements/{engagementId}/visits/{visitId}/measurements',
  summary: 'Measure the indicators again at a return visit (grades and measured values)',
  description:
    `For the team and the experts. ${notYours} Same rules as the diagnosis grades; a completed visit is 409 ` +
    '`..._ALREADY_DONE`.',
  access: { authenticated: 'the engagement’s team and experts' },
  request: { params: VisitParams, body: MeasurementsBody },
  responses: { 201: { description: 'The visit', schema: Visit } },
  errors: [
    EngagementNotFound,
    NotYourPart,
    PeopleOnly,
    VisitNotFound,
    AlreadyDone,
    EngagementSuspended,
    EngagementClosed,
  ],
});

export const completeVisit = defineContract({
  operationId: 'engagements.visits.complete',
  method: 'post',
  path: '/engagements/{engagementId}/visits/{visitId}/completion',
  summary: 'Mark a return visit done (it must have measurements: an effect is measured, never only asserted)',
  description: `For the team. ${notYours} Without measurements: 409 \`..._WRONG_STAGE\`; twice: 409 \`..._ALREADY_DONE\`.`,
  access: { authenticated: 'the engagement’s team lead and members' },
  request: { params: VisitParams, body: CompletionBody },
  responses: { 200: { description: 'The visit', schema: Visit } },
  errors: [
    EngagementNotFound,
    NotYourPart,
    PeopleOnly,
    VisitNotFound,
    WrongStage,
    AlreadyDone,
    EngagementSuspended,
    EngagementClosed,
  ],
});

export const getEffect = defineContract({
  operationId: 'engagements.effect',
  method: 'get',
  path: '/engagements/{engagementId}/effect',
  summary: 'The effect: indicator deltas from the diagnosis to each return visit, and between visits',
  description:
    `${notYours} Computed from the engagement’s own measurements. Deltas are measured minus earlier ` +
    '(positive is better on the scale); value deltas only where both measurements carry a value.',
  access: everyone,
  request: { params: EngagementParams },
  responses: { 200: { description: 'The effect', schema: Effect } },
  errors: [EngagementNotFound],
});

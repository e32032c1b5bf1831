import { defineContract } from '@lifelong/core/contract';
import {
  AlreadyDone,
  ComplaintNotFound,
  EngagementClosed,
  EngagementNotFound,
  EngagementSuspended,
  MilestonesMissing,
  NotYourPart,
  PeopleOnly,
  WrongStage,
} from '../errors.js';
import {
  AddMemberBody,
  Complaint,
  ComplaintBody,
  ComplaintList,
  ComplaintParams,
  CreateEngagementBody,
  Engagement,
  EngagementListQuery,
  EngagementPage,
  EngagementParams,
  HistoryPage,
  Member,
  MemberList,
  MilestoneParams,
  OverduePage,
  ResolutionBody,
  SuspensionBody,
} from './schemas.js';

const parties = {
  authenticated: 'the engagement’s team, school contacts and experts, and the region’s managers',
} as const;
const leads = { authenticated: 'the engagement’s team lead, and the region’s managers' } as const;
const notYours =
  'Callers with no part in the engagement, and engagements of other regions, get 404 ' +
  '`EVALUATION_CONSULTATION_ENGAGEMENT_NOT_FOUND` (no existence oracle); a party whose role does not allow it gets 403.';

export const createEngagement = defineContract({
  operationId: 'engagements.create',
  method: 'post',
  path: '/engagements',
  summary: 'Open an engagement with a school of the region',
  description:
    'For holders of `evaluation-consultation.engagements.manage` in the region. The school must be an ' +
    "institution of the request's region (400 `/body/schoolInstitutionId`, rule `institutionOfRegion`); " +
    '`templateId` (default `paper-default@1`) one of the region’s templates (400 `/body/templateId`, ' +
    'rule `templateExists`); the lead (default the caller) a registered person (400 `/body/leadPersonId`, ' +
    'rule `personExists`). The engagement starts at the template’s first stage, its deadline counted in ' +
    'the region’s working days.',
  access: { permission: 'engagements.manage' },
  request: { body: CreateEngagementBody },
  responses: { 201: { description: 'The engagement', schema: Engagement } },
  errors: [PeopleOnly],
});

export const listEngagements = defineContract({
  operationId: 'engagements.list',
  method: 'get',
  path: '/engagements',
  summary: 'My engagements in the region (all of them for its managers)',
  description: 'Those the caller has a role in, or every engagement of the region for its managers; oldest first.',
  access: { authenticated: 'any signed-in principal' },
  request: { query: EngagementListQuery },
  responses: { 200: { description: 'A page of engagements', schema: EngagementPage } },
});

export const getEngagement = defineContract({
  operationId: 'engagements.get',
  method: 'get',
  path: '/engagements/{engagementId}',
  summary: 'One engagement: its stage, tasks, deadline and milestones (met or not)',
  description: notYours,
  access: parties,
  request: { params: EngagementParams },
  responses: { 200: { description: 'The engagement', schema: Engagement } },
  errors: [EngagementNotFound],
});

export const advanceEngagement = defineContract({
  operationId: 'engagements.advance',
  method: 'post',
  path: '/engagements/{engagementId}/advance',
  summary: 'Move to the next stage when the current stage’s milestones are met',
  description:
    `For the team lead. ${notYours} When a milestone is not met: 409 ` +
    '`EVALUATION_CONSULTATION_MILESTONES_MISSING` with `stage` and `missing` (each milestone’s key, name ' +
    'and check), and nothing changes. A suspended or closed engagement is 409. Entering the last stage ' +
    'closes the engagement.',
  access: leads,
  request: { params: EngagementParams },
  responses: { 200: { description: 'The engagement at its new stage', schema: Engagement } },
  errors: [EngagementNotFound, NotYourPart, PeopleOnly, MilestonesMissing, EngagementSuspended, EngagementClosed],
});

export const recordMilestone = defineContract({
  operationId: 'engagements.milestones.record',
  method: 'post',
  path: '/engagements/{engagementId}/milestones/{milestoneKey}',
  summary: 'Record a manual milestone of the current stage as met',
  description:
    `For the team lead. ${notYours} Only a \`manual\` milestone of the current stage (409 ` +
    '`EVALUATION_CONSULTATION_WRONG_STAGE` otherwise); recording it twice is 409 `..._ALREADY_DONE`.',
  access: leads,
  request: { params: MilestoneParams },
  responses: { 200: { description: 'The engagement', schema: Engagement } },
  errors: [EngagementNotFound, NotYourPart, PeopleOnly, WrongStage, AlreadyDone, EngagementSuspended, EngagementClosed],
});

export const addMember = defineContract({
  operationId: 'engagements.members.add',
  method: 'post',
  path: '/engagements/{engagementId}/members',
  summary: 'Give a person a role in the engagement (lead, member, school contact or expert)',
  description:
    `For the team lead. ${notYours} The person must be registered (400 \`/body/personId\`, rule ` +
    '`personExists`); a role the person already holds is 409 `..._ALREADY_DONE`. Experts from the ' +
    'registry are better assigned through `engagements.experts.assign`, which checks conflicts of interest.',
  access: leads,
  request: { params: EngagementParams, body: AddMemberBody },
  responses: { 201: { description: 'The member', schema: Member } },
  errors: [EngagementNotFound, NotYourPart, PeopleOnly, AlreadyDone, EngagementClosed],
});

export const listMembers = defineContract({
  operationId: 'engagements.members.list',
  method: 'get',
  path: '/engagements/{engagementId}/members',
  summary: 'Who has which role in the engagement',
  description: notYours,
  access: parties,
  request: { params: EngagementParams },
  responses: { 200: { description: 'The members', schema: MemberList } },
  errors: [EngagementNotFound],
});

export const suspendEngagement = defineContract({
  operationId: 'engagements.suspend',
  method: 'post',
  path: '/engagements/{engagementId}/suspension',
  summary: 'Suspend the engagement (a side path): nothing advances until it is resumed',
  description: `For the team lead. ${notYours} Already suspended or closed: 409.`,
  access: leads,
  request: { params: EngagementParams, body: SuspensionBody },
  responses: { 200: { description: 'The engagement', schema: Engagement } },
  errors: [EngagementNotFound, NotYourPart, PeopleOnly, EngagementSuspended, EngagementClosed],
});

export const resumeEngagement = defineContract({
  operationId: 'engagements.resume',
  method: 'post',
  path: '/engagements/{engagementId}/resumption',
  summary: 'Resume a suspended engagement: its stage starts again with a full deadline',
  description: `For the team lead. ${notYours} An engagement that is not suspended: 409 \`..._WRONG_STAGE\`.`,
  access: leads,
  request: { params: EngagementParams },
  responses: { 200: { description: 'The engagement', schema: Engagement } },
  errors: [EngagementNotFound, NotYourPart, PeopleOnly, WrongStage],
});

export const raiseComplaint = defineContract({
  operationId: 'engagements.complaints.create',
  method: 'post',
  path: '/engagements/{engagementId}/complaints',
  summary: 'The school complains (a side path): an open complaint holds back the final report',
  description: `For the school's contacts. ${notYours}`,
  access: { authenticated: 'the engagement’s school contacts' },
  request: { params: EngagementParams, body: ComplaintBody },
  responses: { 201: { description: 'The complaint', schema: Complaint } },
  errors: [EngagementNotFound, NotYourPart, PeopleOnly, EngagementClosed],
});

export const listComplaints = defineContract({
  operationId: 'engagements.complaints.list',
  method: 'get',
  path: '/engagements/{engagementId}/complaints',
  summary: 'The engagement’s complaints, oldest first',
  description: `For the team and the school. ${notYours}`,
  access: { authenticated: 'the engagement’s team and school contacts' },
  request: { params: EngagementParams },
  responses: { 200: { description: 'The complaints', schema: ComplaintList } },
  errors: [EngagementNotFound, NotYourPart],
});

export const resolveComplaint = defineContract({
  operationId: 'engagements.complaints.resolve',
  method: 'post',
  path: '/engagements/{engagementId}/complaints/{complaintId}/resolution',
  summary: 'Resolve a complaint, saying how',
  description: `For the team lead. ${notYours} Resolving twice is 409 \`..._ALREADY_DONE\`.`,
  access: leads,
  request: { params: ComplaintParams, body: ResolutionBody },
  responses: { 200: { description: 'The complaint', schema: Complaint } },
  errors: [EngagementNotFound, NotYourPart, PeopleOnly, ComplaintNotFound, AlreadyDone],
});

export const engagementHistory = defineContract({
  operationId: 'engagements.history',
  method: 'get',
  path: '/engagements/{engagementId}/history',
  summary: 'The engagement’s audit trail: who changed its stage, team, report and complaints, when',
  description: `For the team. ${notYours}`,
  access: { authenticated: 'the engagement’s team, and the region’s managers' },
  request: { params: EngagementParams, query: EngagementListQuery },
  responses: { 200: { description: 'A page of history, oldest first', schema: HistoryPage } },
  errors: [EngagementNotFound, NotYourPart],
});

export const overdue = defineContract({
  operationId: 'overdue.list',
  method: 'get',
  path: '/overdue',
  summary: 'The overdue view: active engagements whose stage deadline has passed, across my engagements',
  description:
    'For a team lead or member, their engagements; for the region’s managers, all of the region’s. ' +
    'Ordered by engagement; `overdueWorkingDays` counts the region’s working days since the deadline.',
  access: { authenticated: 'any signed-in principal' },
  request: { query: EngagementListQuery },
  responses: { 200: { description: 'A page of overdue stages', schema: OverduePage } },
});

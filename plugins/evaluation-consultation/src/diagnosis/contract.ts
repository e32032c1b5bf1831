import { defineContract } from '@lifelong/core/contract';
import {
  AlreadyDone,
  CommentNotFound,
  CommentsUnanswered,
  ComplaintsOpen,
  EngagementClosed,
  EngagementNotFound,
  EngagementSuspended,
  NotYourPart,
  PeopleOnly,
  ReportNotFound,
  WindowClosed,
  WindowStillOpen,
  WrongStage,
} from '../errors.js';
import {
  Comment,
  CommentBody,
  CommentList,
  CommentParams,
  EngagementParams,
  Finding,
  FindingBody,
  FindingList,
  FindingParams,
  GradesBody,
  GradesView,
  Report,
  ReportQuery,
  ReportVersion,
  ReportVersionList,
  ResponseBody,
  Solution,
  SolutionBody,
} from './schemas.js';

const team = { authenticated: 'the engagement’s team lead and members' } as const;
const everyone = { authenticated: 'the engagement’s team, school contacts and experts' } as const;
const notYours =
  'Callers with no part in the engagement get 404 `EVALUATION_CONSULTATION_ENGAGEMENT_NOT_FOUND`; a party ' +
  'whose role does not allow it gets 403.';
const gradeRules =
  'Each grade must be on the template’s scale (400 `/body/grades/{i}/grade`, rule `scale`), each code one ' +
  'of its indicators (rule `indicatorOfTemplate`), each evidence id of this engagement (rule `evidenceOfEngagement`).';
const visible =
  'The school sees a report only once a draft is released to it (before that, 404 ' +
  '`EVALUATION_CONSULTATION_REPORT_NOT_FOUND`), and then only released drafts and the final report.';

export const submitSelfEvaluation = defineContract({
  operationId: 'engagements.selfEvaluation.submit',
  method: 'post',
  path: '/engagements/{engagementId}/self-evaluation',
  summary: 'The school grades itself on every indicator of the template (once)',
  description:
    `For the school’s contacts. ${notYours} ${gradeRules} Every indicator exactly once (400 \`/body/grades\`, ` +
    'rule `everyIndicator`). A second submission is 409 `..._ALREADY_DONE`.',
  access: { authenticated: 'the engagement’s school contacts' },
  request: { params: EngagementParams, body: GradesBody },
  responses: { 201: { description: 'The grades', schema: GradesView } },
  errors: [EngagementNotFound, NotYourPart, PeopleOnly, AlreadyDone, EngagementSuspended, EngagementClosed],
});

export const gradeIndicators = defineContract({
  operationId: 'engagements.grades.record',
  method: 'post',
  path: '/engagements/{engagementId}/grades',
  summary: 'The team grades indicators, with rationale and evidence (a new grade replaces the last; all are kept)',
  description: `For the team. ${notYours} ${gradeRules} Not after the final report (409 \`..._WRONG_STAGE\`).`,
  access: team,
  request: { params: EngagementParams, body: GradesBody },
  responses: { 201: { description: 'The grades', schema: GradesView } },
  errors: [EngagementNotFound, NotYourPart, PeopleOnly, WrongStage, EngagementSuspended, EngagementClosed],
});

export const getGrades = defineContract({
  operationId: 'engagements.grades.get',
  method: 'get',
  path: '/engagements/{engagementId}/grades',
  summary: 'The indicators with the school’s and the team’s current grades',
  description: `${notYours} The school sees the team’s grades once a draft is released to it.`,
  access: everyone,
  request: { params: EngagementParams },
  responses: { 200: { description: 'The grades', schema: GradesView } },
  errors: [EngagementNotFound],
});

export const addFinding = defineContract({
  operationId: 'engagements.findings.create',
  method: 'post',
  path: '/engagements/{engagementId}/findings',
  summary: 'Write a finding (a strength or a point to improve), with its solutions',
  description: `For the team. ${notYours} The indicator code, when given, must be the template’s.`,
  access: team,
  request: { params: EngagementParams, body: FindingBody },
  responses: { 201: { description: 'The finding', schema: Finding } },
  errors: [EngagementNotFound, NotYourPart, PeopleOnly, WrongStage, EngagementSuspended, EngagementClosed],
});

export const addSolution = defineContract({
  operationId: 'engagements.findings.solutions.create',
  method: 'post',
  path: '/engagements/{engagementId}/findings/{findingId}/solutions',
  summary: 'Propose one more solution for a finding',
  description: `For the team. ${notYours}`,
  access: team,
  request: { params: FindingParams, body: SolutionBody },
  responses: { 201: { description: 'The solution', schema: Solution } },
  errors: [EngagementNotFound, NotYourPart, PeopleOnly, WrongStage, EngagementSuspended, EngagementClosed],
});

export const listFindings = defineContract({
  operationId: 'engagements.findings.list',
  method: 'get',
  path: '/engagements/{engagementId}/findings',
  summary: 'The findings and their solutions, oldest first',
  description: `For the team and the experts (the school reads them in the released report). ${notYours}`,
  access: { authenticated: 'the engagement’s team and experts' },
  request: { params: EngagementParams },
  responses: { 200: { description: 'The findings', schema: FindingList } },
  errors: [EngagementNotFound, NotYourPart],
});

export const createDraft = defineContract({
  operationId: 'engagements.report.drafts.create',
  method: 'post',
  path: '/engagements/{engagementId}/report/drafts',
  summary: 'Freeze the current grades, findings and solutions as the next draft version of the report',
  description: `For the team. ${notYours} After the final report: 409 \`..._ALREADY_DONE\`.`,
  access: team,
  request: { params: EngagementParams },
  responses: { 201: { description: 'The draft', schema: Report } },
  errors: [EngagementNotFound, NotYourPart, PeopleOnly, AlreadyDone, EngagementSuspended, EngagementClosed],
});

export const releaseDraft = defineContract({
  operationId: 'engagements.report.release',
  method: 'post',
  path: '/engagements/{engagementId}/report/release',
  summary: 'Release the latest draft to the school: the factual-accuracy window opens',
  description:
    `For the team lead. ${notYours} The window closes after the region’s \`factualAccuracyWorkingDays\` ` +
    'working days (weekends and the region’s holidays do not count), at 00:00 UTC of the next day. ' +
    'Without a draft: 409 `..._WRONG_STAGE`; released once only (409 `..._ALREADY_DONE`).',
  access: { authenticated: 'the engagement’s team lead' },
  request: { params: EngagementParams },
  responses: { 200: { description: 'The released draft', schema: ReportVersion } },
  errors: [EngagementNotFound, NotYourPart, PeopleOnly, WrongStage, AlreadyDone, EngagementSuspended, EngagementClosed],
});

export const getReport = defineContract({
  operationId: 'engagements.report.get',
  method: 'get',
  path: '/engagements/{engagementId}/report',
  summary: 'A version of the report (default: the latest the caller may see)',
  description: `${notYours} ${visible}`,
  access: everyone,
  request: { params: EngagementParams, query: ReportQuery },
  responses: { 200: { description: 'The report', schema: Report } },
  errors: [EngagementNotFound, ReportNotFound],
});

export const listReportVersions = defineContract({
  operationId: 'engagements.report.versions',
  method: 'get',
  path: '/engagements/{engagementId}/report/versions',
  summary: 'The report’s versions the caller may see, oldest first',
  description: `${notYours} ${visible}`,
  access: everyone,
  request: { params: EngagementParams },
  responses: { 200: { description: 'The versions', schema: ReportVersionList } },
  errors: [EngagementNotFound],
});

export const reportHtml = defineContract({
  operationId: 'engagements.report.html',
  method: 'get',
  path: '/engagements/{engagementId}/report.html',
  summary: 'The report rendered as an HTML page',
  description: `${notYours} ${visible}`,
  access: everyone,
  request: { params: EngagementParams, query: ReportQuery },
  responses: { 200: { description: 'The report', file: { contentTypes: ['text/html'] } } },
  errors: [EngagementNotFound, ReportNotFound],
});

export const reportPdf = defineContract({
  operationId: 'engagements.report.pdf',
  method: 'get',
  path: '/engagements/{engagementId}/report.pdf',
  summary: 'The report rendered as a PDF',
  description: `${notYours} ${visible}`,
  access: everyone,
  request: { params: EngagementParams, query: ReportQuery },
  responses: { 200: { description: 'The report', file: { contentTypes: ['application/pdf'] } } },
  errors: [EngagementNotFound, ReportNotFound],
});

export const addComment = defineContract({
  operationId: 'engagements.report.comments.create',
  method: 'post',
  path: '/engagements/{engagementId}/report/comments',
  summary: 'The school comments on the released draft’s factual accuracy',
  description:
    `For the school’s contacts, while the window is open (409 \`EVALUATION_CONSULTATION_WINDOW_CLOSED\` ` +
    `before the release and from the moment it closes). ${notYours}`,
  access: { authenticated: 'the engagement’s school contacts' },
  request: { params: EngagementParams, body: CommentBody },
  responses: { 201: { description: 'The comment', schema: Comment } },
  errors: [EngagementNotFound, NotYourPart, PeopleOnly, WindowClosed],
});

export const listComments = defineContract({
  operationId: 'engagements.report.comments.list',
  method: 'get',
  path: '/engagements/{engagementId}/report/comments',
  summary: 'The school’s comments and the team’s responses, oldest first',
  description: `For the team and the school. ${notYours}`,
  access: { authenticated: 'the engagement’s team and school contacts' },
  request: { params: EngagementParams },
  responses: { 200: { description: 'The comments', schema: CommentList } },
  errors: [EngagementNotFound, NotYourPart],
});

export const respondToComment = defineContract({
  operationId: 'engagements.report.comments.respond',
  method: 'post',
  path: '/engagements/{engagementId}/report/comments/{commentId}/response',
  summary: 'The team responds to a comment (accepting the correction or not)',
  description: `For the team. ${notYours} Responding twice is 409 \`..._ALREADY_DONE\`.`,
  access: team,
  request: { params: CommentParams, body: ResponseBody },
  responses: { 200: { description: 'The comment', schema: Comment } },
  errors: [EngagementNotFound, NotYourPart, PeopleOnly, CommentNotFound, AlreadyDone],
});

export const finaliseReport = defineContract({
  operationId: 'engagements.report.finalise',
  method: 'post',
  path: '/engagements/{engagementId}/report/final',
  summary: 'Issue the final report, once the window has closed, every comment has a response and no complaint is open',
  description:
    `For the team lead. ${notYours} 409 \`..._WINDOW_STILL_OPEN\`, \`..._COMMENTS_UNANSWERED\` (with ` +
    '`commentIds`), `..._COMPLAINTS_OPEN`, `..._WRONG_STAGE` (no released draft) or `..._ALREADY_DONE`. ' +
    'The final version freezes the current grades, findings and solutions with the factual-accuracy record.',
  access: { authenticated: 'the engagement’s team lead' },
  request: { params: EngagementParams },
  responses: { 201: { description: 'The final report', schema: Report } },
  errors: [
    EngagementNotFound,
    NotYourPart,
    PeopleOnly,
    WindowStillOpen,
    CommentsUnanswered,
    ComplaintsOpen,
    WrongStage,
    AlreadyDone,
    EngagementSuspended,
    EngagementClosed,
  ],
});

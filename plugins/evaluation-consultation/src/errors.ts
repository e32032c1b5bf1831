import { defineError } from '@lifelong/core/contract';

// The plugin's error kinds. Codes are stable once published; clients match on them. Contracts list
// them (`errors: [...]`), so this module loads no server code (client-entry.test.ts).
export const PeopleOnly = defineError('EVALUATION_CONSULTATION_PEOPLE_ONLY', 403, 'Only people can do this');
export const EngagementNotFound = defineError(
  'EVALUATION_CONSULTATION_ENGAGEMENT_NOT_FOUND',
  404,
  'No such engagement of yours in this region',
);
export const TemplateNotFound = defineError('EVALUATION_CONSULTATION_TEMPLATE_NOT_FOUND', 404, 'No such template');
export const NotYourPart = defineError(
  'EVALUATION_CONSULTATION_NOT_YOUR_PART',
  403,
  'Your role in this engagement does not allow this',
);
export const MilestonesMissing = defineError(
  'EVALUATION_CONSULTATION_MILESTONES_MISSING',
  409,
  'The stage’s milestones are not all met',
);
export const EngagementSuspended = defineError(
  'EVALUATION_CONSULTATION_ENGAGEMENT_SUSPENDED',
  409,
  'The engagement is suspended',
);
export const EngagementClosed = defineError(
  'EVALUATION_CONSULTATION_ENGAGEMENT_CLOSED',
  409,
  'The engagement is closed',
);
export const WrongStage = defineError(
  'EVALUATION_CONSULTATION_WRONG_STAGE',
  409,
  'The engagement is not at a stage where this can be done',
);
export const EvidenceNotFound = defineError('EVALUATION_CONSULTATION_EVIDENCE_NOT_FOUND', 404, 'No such evidence');
export const FileMismatch = defineError(
  'EVALUATION_CONSULTATION_FILE_TYPE_MISMATCH',
  415,
  'The file’s bytes are not of the declared type',
);
export const ReportNotFound = defineError('EVALUATION_CONSULTATION_REPORT_NOT_FOUND', 404, 'No such report');
export const WindowClosed = defineError(
  'EVALUATION_CONSULTATION_WINDOW_CLOSED',
  409,
  'The factual-accuracy window is not open',
);
export const WindowStillOpen = defineError(
  'EVALUATION_CONSULTATION_WINDOW_STILL_OPEN',
  409,
  'The factual-accuracy window has not closed yet',
);
export const CommentsUnanswered = defineError(
  'EVALUATION_CONSULTATION_COMMENTS_UNANSWERED',
  409,
  'Some comments of the school have no response',
);
export const ComplaintsOpen = defineError(
  'EVALUATION_CONSULTATION_COMPLAINTS_OPEN',
  409,
  'Complaints must be resolved before the report is final',
);
export const CommentNotFound = defineError('EVALUATION_CONSULTATION_COMMENT_NOT_FOUND', 404, 'No such comment');
export const ComplaintNotFound = defineError('EVALUATION_CONSULTATION_COMPLAINT_NOT_FOUND', 404, 'No such complaint');
export const VisitNotFound = defineError('EVALUATION_CONSULTATION_VISIT_NOT_FOUND', 404, 'No such visit');
export const AlreadyDone = defineError('EVALUATION_CONSULTATION_ALREADY_DONE', 409, 'This was already done');
export const ExpertNotFound = defineError('EVALUATION_CONSULTATION_EXPERT_NOT_FOUND', 404, 'No such expert');
export const ExpertConflicted = defineError(
  'EVALUATION_CONSULTATION_EXPERT_CONFLICTED',
  409,
  'The expert worked for this school too recently, or is otherwise in conflict with it',
);

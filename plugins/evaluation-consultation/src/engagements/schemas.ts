import { Page, PageQuery } from '@lifelong/core/schemas';
import { type Static, Type } from '@sinclair/typebox';
import {
  EngagementParams,
  Id,
  NullableTimestamp,
  Role,
  ShortText,
  TemplateId,
  Text,
  Timestamp,
} from '../shared/common-schemas.js';
import { MilestoneCheck, Slug } from '../shared/template-schema.js';

export { EngagementParams };

export const CreateEngagementBody = Type.Object(
  {
    schoolInstitutionId: Id,
    templateId: Type.Optional(TemplateId),
    leadPersonId: Type.Optional(Type.String({ format: 'uuid', description: 'The team lead (default: the caller)' })),
  },
  { additionalProperties: false },
);
export type CreateEngagementBody = Static<typeof CreateEngagementBody>;

export const MilestoneState = Type.Object({
  key: Type.String(),
  name: Type.String(),
  check: MilestoneCheck,
  met: Type.Boolean(),
});

export const Engagement = Type.Object({
  id: Id,
  regionId: Type.String(),
  schoolInstitutionId: Id,
  templateId: Type.String(),
  templateKey: Type.String(),
  templateVersion: Type.Integer(),
  stage: Type.String({ description: 'The current stage’s key' }),
  stageName: Type.String(),
  stageIndex: Type.Integer(),
  stageCount: Type.Integer(),
  stageEnteredAt: Timestamp,
  stageDueAt: NullableTimestamp,
  status: Type.Union([Type.Literal('active'), Type.Literal('suspended'), Type.Literal('closed')]),
  suspendedReason: Type.Union([Type.String(), Type.Null()]),
  tasks: Type.Array(Type.String()),
  milestones: Type.Array(MilestoneState),
  myRoles: Type.Array(Role, { description: 'The caller’s roles in it (empty for region managers without one)' }),
  createdAt: Timestamp,
});
export type Engagement = Static<typeof Engagement>;

export const EngagementSummary = Type.Omit(Engagement, ['tasks', 'milestones']);
export type EngagementSummary = Static<typeof EngagementSummary>;
export const EngagementPage = Page(EngagementSummary);
export const EngagementListQuery = PageQuery;

export const MilestoneParams = Type.Object({ engagementId: Id, milestoneKey: Slug });

export const AddMemberBody = Type.Object({ personId: Id, role: Role }, { additionalProperties: false });
export const Member = Type.Object({
  personId: Id,
  role: Role,
  expertId: Type.Union([Id, Type.Null()]),
  addedAt: Timestamp,
});
export const MemberList = Type.Object({ items: Type.Array(Member) });

export const SuspensionBody = Type.Object({ reason: ShortText }, { additionalProperties: false });

export const ComplaintBody = Type.Object({ text: Text }, { additionalProperties: false });
export const ResolutionBody = Type.Object({ resolution: Text }, { additionalProperties: false });
export const ComplaintParams = Type.Object({ engagementId: Id, complaintId: Id });
export const Complaint = Type.Object({
  id: Id,
  text: Type.String(),
  raisedBy: Id,
  raisedAt: Timestamp,
  resolution: Type.Union([Type.String(), Type.Null()]),
  resolvedAt: NullableTimestamp,
});
export const ComplaintList = Type.Object({ items: Type.Array(Complaint) });

export const HistoryEntry = Type.Object({
  id: Id,
  action: Type.String(),
  detail: Type.Record(Type.String(), Type.Unknown()),
  actorId: Type.Union([Id, Type.Null()]),
  at: Timestamp,
});
export const HistoryPage = Page(HistoryEntry);

export const OverdueItem = Type.Object({
  engagementId: Id,
  schoolInstitutionId: Id,
  stage: Type.String(),
  stageName: Type.String(),
  dueAt: Timestamp,
  overdueWorkingDays: Type.Integer({ description: 'Working days since the deadline passed' }),
});
export const OverduePage = Page(OverdueItem);

import { defineEvent } from '@lifelong/core';
import { Type } from '@sinclair/typebox';

// Events carry ids and stage keys, never personal details; keyed by engagement so one
// engagement's events are delivered in order.

export const EngagementAdvanced = defineEvent(
  'evaluation-consultation.engagement.advanced',
  Type.Object({
    engagementId: Type.String(),
    regionId: Type.String(),
    schoolInstitutionId: Type.String(),
    fromStage: Type.String(),
    toStage: Type.String(),
  }),
);

export const ReportReleased = defineEvent(
  'evaluation-consultation.report.released',
  Type.Object({
    engagementId: Type.String(),
    regionId: Type.String(),
    version: Type.Integer(),
    windowClosesAt: Type.String(),
  }),
);

export const ReportFinalised = defineEvent(
  'evaluation-consultation.report.finalised',
  Type.Object({ engagementId: Type.String(), regionId: Type.String(), version: Type.Integer() }),
);

export const StageOverdue = defineEvent(
  'evaluation-consultation.stage.overdue',
  Type.Object({ engagementId: Type.String(), regionId: Type.String(), stage: Type.String(), dueAt: Type.String() }),
);

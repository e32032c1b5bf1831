import type { TableDistribution } from '@lifelong/core';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { evaluationConsultation as s } from '../schema.js';
import type { TemplateDefinition } from './template-schema.js';

const at = (name: string) => timestamp(name, { withTimezone: true });

/** A region's own template version (the built-in default is code, not a row). Immutable once written. */
export const templates = s.table(
  'templates',
  {
    id: uuid('id').primaryKey(),
    regionId: text('region_id').notNull(),
    key: text('key').notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<TemplateDefinition>().notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [uniqueIndex('templates_key_version_idx').on(t.regionId, t.key, t.version)],
);

/**
 * An engagement with one school. It keeps a copy of its template's definition, so a new template
 * version never changes an engagement under way.
 */
export const engagements = s.table(
  'engagements',
  {
    id: uuid('id').primaryKey(),
    regionId: text('region_id').notNull(),
    schoolInstitutionId: uuid('school_institution_id').notNull(),
    templateId: text('template_id').notNull(),
    templateKey: text('template_key').notNull(),
    templateVersion: integer('template_version').notNull(),
    definition: jsonb('definition').$type<TemplateDefinition>().notNull(),
    stageIndex: integer('stage_index').notNull(),
    stageEnteredAt: at('stage_entered_at').notNull(),
    stageDueAt: at('stage_due_at'),
    /** `active`, `suspended` or `closed`. */
    status: text('status').notNull(),
    suspendedReason: text('suspended_reason'),
    selfEvaluationSubmittedAt: at('self_evaluation_submitted_at'),
    actionPlanAgreedAt: at('action_plan_agreed_at'),
    /** The stage (index) whose due reminder / overdue notice was sent, so each goes out once. */
    remindedStage: integer('reminded_stage'),
    overdueNotifiedStage: integer('overdue_notified_stage'),
    createdBy: uuid('created_by').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    index('engagements_region_idx').on(t.regionId, t.id),
    index('engagements_due_idx').on(t.status, t.stageDueAt),
  ],
);
export type EngagementRow = typeof engagements.$inferSelect;

const engagementId = () => uuid('engagement_id').notNull();

/** Who works on (or with) an engagement: `lead`, `member`, `schoolContact`, `expert`. */
export const members = s.table(
  'members',
  {
    engagementId: engagementId(),
    personId: uuid('person_id').notNull(),
    role: text('role').notNull(),
    expertId: uuid('expert_id'),
    addedBy: uuid('added_by').notNull(),
    addedAt: at('added_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.engagementId, t.personId, t.role] }), index('members_person_idx').on(t.personId)],
);

/** Manual milestones recorded by the lead. */
export const milestones = s.table(
  'milestones',
  {
    engagementId: engagementId(),
    stageKey: text('stage_key').notNull(),
    key: text('key').notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: at('recorded_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.engagementId, t.stageKey, t.key] })],
);

/** The engagement's history: every stage change, suspension, resumption and release (an audit trail). */
export const history = s.table(
  'history',
  {
    engagementId: engagementId(),
    id: uuid('id').notNull(),
    action: text('action').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
    actorId: uuid('actor_id'),
    at: at('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.engagementId, t.id] })],
);

/** Complaints by the school (a side path): open ones block the final report. */
export const complaints = s.table(
  'complaints',
  {
    engagementId: engagementId(),
    id: uuid('id').notNull(),
    text: text('text').notNull(),
    raisedBy: uuid('raised_by').notNull(),
    raisedAt: at('raised_at').notNull(),
    resolution: text('resolution'),
    resolvedBy: uuid('resolved_by'),
    resolvedAt: at('resolved_at'),
  },
  (t) => [primaryKey({ columns: [t.engagementId, t.id] })],
);

/** One item of the evidence file; its content lives in versions. */
export const evidence = s.table(
  'evidence',
  {
    engagementId: engagementId(),
    id: uuid('id').notNull(),
    /** `document`, `observation`, `interview`, `survey` or `indicatorLink`. */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    latestVersion: integer('latest_version').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.engagementId, t.id] })],
);
export type EvidenceRow = typeof evidence.$inferSelect;

/** Every version of an evidence item, kept: who wrote what, when (the audit of the file). */
export const evidenceVersions = s.table(
  'evidence_versions',
  {
    engagementId: engagementId(),
    evidenceId: uuid('evidence_id').notNull(),
    version: integer('version').notNull(),
    text: text('text').notNull(),
    indicatorCodes: jsonb('indicator_codes').$type<string[]>().notNull(),
    fileSha256: text('file_sha256'),
    contentType: text('content_type'),
    size: integer('size'),
    createdBy: uuid('created_by').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.engagementId, t.evidenceId, t.version] })],
);
export type EvidenceVersionRow = typeof evidenceVersions.$inferSelect;

/**
 * Indicator grades and measured values: the school's self-evaluation (`self`), the team's
 * diagnosis (`team`) and each return visit (`visit`, with its visit). Every grade given is kept;
 * the latest per source, visit and indicator counts.
 */
export const grades = s.table(
  'grades',
  {
    engagementId: engagementId(),
    id: uuid('id').notNull(),
    source: text('source').notNull(),
    visitId: uuid('visit_id'),
    indicatorCode: text('indicator_code').notNull(),
    grade: integer('grade').notNull(),
    value: doublePrecision('value'),
    rationale: text('rationale').notNull(),
    evidenceIds: jsonb('evidence_ids').$type<string[]>().notNull(),
    gradedBy: uuid('graded_by').notNull(),
    gradedAt: at('graded_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.engagementId, t.id] })],
);
export type GradeRow = typeof grades.$inferSelect;

export const findings = s.table(
  'findings',
  {
    engagementId: engagementId(),
    id: uuid('id').notNull(),
    indicatorCode: text('indicator_code'),
    /** `strength` or `improvement`. */
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.engagementId, t.id] })],
);

export const solutions = s.table(
  'solutions',
  {
    engagementId: engagementId(),
    id: uuid('id').notNull(),
    findingId: uuid('finding_id').notNull(),
    text: text('text').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.engagementId, t.id] })],
);

/** Report versions, each a frozen snapshot (`draft` or `final`); a released draft has a window. */
export const reports = s.table(
  'reports',
  {
    engagementId: engagementId(),
    version: integer('version').notNull(),
    status: text('status').notNull(),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: at('created_at').notNull(),
    releasedAt: at('released_at'),
    windowClosesAt: at('window_closes_at'),
  },
  (t) => [primaryKey({ columns: [t.engagementId, t.version] })],
);
export type ReportRow = typeof reports.$inferSelect;

/** The school's factual-accuracy comments on a released draft, and the team's responses. */
export const comments = s.table(
  'comments',
  {
    engagementId: engagementId(),
    id: uuid('id').notNull(),
    reportVersion: integer('report_version').notNull(),
    section: text('section').notNull(),
    text: text('text').notNull(),
    authorId: uuid('author_id').notNull(),
    createdAt: at('created_at').notNull(),
    response: text('response'),
    accepted: boolean('accepted'),
    respondedBy: uuid('responded_by'),
    respondedAt: at('responded_at'),
  },
  (t) => [primaryKey({ columns: [t.engagementId, t.id] })],
);
export type CommentRow = typeof comments.$inferSelect;

/** The action plan: actions per solution, with their deadlines. */
export const actions = s.table(
  'actions',
  {
    engagementId: engagementId(),
    id: uuid('id').notNull(),
    solutionId: uuid('solution_id').notNull(),
    text: text('text').notNull(),
    dueAt: at('due_at'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.engagementId, t.id] })],
);

/** Return visits, scheduled when the action plan is agreed. */
export const visits = s.table(
  'visits',
  {
    engagementId: engagementId(),
    id: uuid('id').notNull(),
    number: integer('number').notNull(),
    plannedFor: at('planned_for').notNull(),
    completedAt: at('completed_at'),
    notes: text('notes'),
  },
  (t) => [primaryKey({ columns: [t.engagementId, t.id] })],
);
export type VisitRow = typeof visits.$inferSelect;

/**
 * Placement on a distributed cluster (docs/scale.md): everything of an engagement on the
 * engagement's shard; a region's templates, few and rarely written, on every node.
 */
const byEngagement = (table: Parameters<typeof Object>[0]) =>
  ({ table, kind: 'distributed', column: 'engagement_id', colocation: 'evaluation-consultation-engagement' }) as const;

export const sharedDistribution: readonly TableDistribution[] = [
  { table: templates, kind: 'reference' },
  { table: engagements, kind: 'distributed', column: 'id', colocation: 'evaluation-consultation-engagement' },
  ...[members, milestones, history, complaints, evidence, evidenceVersions, grades, findings, solutions, reports].map(
    byEngagement,
  ),
  ...[comments, actions, visits].map(byEngagement),
];

/** The region's expert registry: who, in which fields, regions and languages, available or not. */
export const experts = s.table(
  'experts',
  {
    id: uuid('id').primaryKey(),
    regionId: text('region_id').notNull(),
    personId: uuid('person_id').notNull(),
    fields: jsonb('fields').$type<string[]>().notNull(),
    regions: jsonb('regions').$type<string[]>().notNull(),
    languages: jsonb('languages').$type<string[]>().notNull(),
    available: boolean('available').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [uniqueIndex('experts_person_idx').on(t.regionId, t.personId)],
);
export type ExpertRow = typeof experts.$inferSelect;

/** Schools an expert worked for, until when: the conflict-of-interest history. */
export const affiliations = s.table(
  'affiliations',
  {
    expertId: uuid('expert_id').notNull(),
    institutionId: uuid('institution_id').notNull(),
    until: text('until').notNull(),
  },
  (t) => [primaryKey({ columns: [t.expertId, t.institutionId] })],
);

/** A school's rating of an expert who worked on its engagement (one per engagement and expert). */
export const ratings = s.table(
  'ratings',
  {
    engagementId: engagementId(),
    expertId: uuid('expert_id').notNull(),
    score: integer('score').notNull(),
    ratedBy: uuid('rated_by').notNull(),
    ratedAt: at('rated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.engagementId, t.expertId] }), index('ratings_expert_idx').on(t.expertId)],
);

export const expertsDistribution: readonly TableDistribution[] = [
  { table: experts, kind: 'reference' },
  { table: affiliations, kind: 'reference' },
  { table: ratings, kind: 'distributed', column: 'engagement_id', colocation: 'evaluation-consultation-engagement' },
];

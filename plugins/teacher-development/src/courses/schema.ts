import type { TableDistribution } from '@lifelong/core';
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
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
import { teacherDevelopment } from '../schema.js';

/** Media a teacher uploaded (the bytes live in the platform's file store under their SHA-256). */
export const media = teacherDevelopment.table(
  'media',
  {
    teacherId: uuid('teacher_id').notNull(),
    sha256: text('sha256').notNull(),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.teacherId, t.sha256] })],
);

/**
 * A course. Its content lives in versions; `liveVersion` is the published one learners enrol in,
 * `publishedAt` the first publication (the free week counts from it).
 */
export const courses = teacherDevelopment.table(
  'courses',
  {
    id: uuid('id').primaryKey(),
    regionId: text('region_id').notNull(),
    teacherId: uuid('teacher_id').notNull(),
    /** The institution that shares the revenue (one of the teacher's), if any. */
    institutionId: uuid('institution_id'),
    liveVersion: integer('live_version'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('courses_region_idx').on(t.regionId, t.id), index('courses_teacher_idx').on(t.teacherId)],
);
export type CourseRow = typeof courses.$inferSelect;

export const VERSION_STATUSES = ['draft', 'submitted', 'reviewed', 'published', 'superseded'] as const;

/**
 * One version of a course's content. At most one version is open (draft, submitted or reviewed)
 * at a time; publishing it supersedes the previous live version.
 */
export const courseVersions = teacherDevelopment.table(
  'course_versions',
  {
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    status: text('status', { enum: VERSION_STATUSES }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    stage: text('stage').notNull(),
    level: text('level').notNull(),
    learningOutcomes: jsonb('learning_outcomes').$type<string[]>().notNull(),
    workloadHours: doublePrecision('workload_hours').notNull(),
    reviewNote: text('review_note'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.courseId, t.version] }),
    uniqueIndex('course_versions_one_open_key')
      .on(t.courseId)
      .where(sql`${t.status} in ('draft', 'submitted', 'reviewed')`),
    check('course_versions_workload_positive', sql`${t.workloadHours} > 0`),
  ],
);
export type CourseVersionRow = typeof courseVersions.$inferSelect;

export interface LessonMedia {
  sha256: string;
  contentType: string;
  size: number;
}

/** The lessons of one course version, in order (positions 1, 2, 3 …). */
export const lessons = teacherDevelopment.table(
  'lessons',
  {
    id: uuid('id').primaryKey(),
    courseId: uuid('course_id').notNull(),
    version: integer('version').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    media: jsonb('media').$type<LessonMedia[]>().notNull(),
    /** How long the lesson's media plays, as the teacher declared it: completion needs engaged time against it. */
    durationSeconds: integer('duration_seconds'),
  },
  (t) => [
    uniqueIndex('lessons_course_version_position_key').on(t.courseId, t.version, t.position),
    check('lessons_duration_positive', sql`${t.durationSeconds} is null or ${t.durationSeconds} > 0`),
  ],
);
export type LessonRow = typeof lessons.$inferSelect;

/** Placement on a distributed cluster (docs/scale.md): a course's content on the course's shard, media with their teacher. */
export const coursesDistribution: readonly TableDistribution[] = [
  { table: media, kind: 'distributed', column: 'teacher_id', colocation: 'teacher' },
  { table: courses, kind: 'distributed', column: 'id', colocation: 'course' },
  { table: courseVersions, kind: 'distributed', column: 'course_id', colocation: 'course' },
  { table: lessons, kind: 'distributed', column: 'course_id', colocation: 'course' },
];

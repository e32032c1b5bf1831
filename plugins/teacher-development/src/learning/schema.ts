import type { TableDistribution } from '@lifelong/core';
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
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

export const ACCESS_KINDS = ['free-week', 'free', 'paid'] as const;

/**
 * A learner's enrolment in a course: one per learner and course. It keeps the version it started
 * with (lesson ids belong to a version), and how access was obtained.
 */
export const enrolments = teacherDevelopment.table(
  'enrolments',
  {
    id: uuid('id').primaryKey(),
    regionId: text('region_id').notNull(),
    courseId: uuid('course_id').notNull(),
    version: integer('version').notNull(),
    personId: uuid('person_id').notNull(),
    access: text('access', { enum: ACCESS_KINDS }).notNull(),
    asset: text('asset'),
    amountPaid: bigint('amount_paid', { mode: 'bigint' }).notNull().default(sql`0`),
    /** The payment's linked transfers (payment, teacher, institution, platform), in order. */
    transferIds: jsonb('transfer_ids').$type<string[]>().notNull(),
    shares: jsonb('shares').$type<{ teacher: string; institution: string; platform: string } | null>(),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    awardStatus: text('award_status'),
    awardRecordId: text('award_record_id'),
    credits: text('credits'),
    points: text('points'),
  },
  (t) => [
    uniqueIndex('enrolments_course_person_key').on(t.courseId, t.personId),
    index('enrolments_person_idx').on(t.personId, t.id),
    check('enrolments_amount_not_negative', sql`${t.amountPaid} >= 0`),
  ],
);
export type EnrolmentRow = typeof enrolments.$inferSelect;

export const LESSON_STATES = ['started', 'completed'] as const;

/** A learner's progress in one lesson of their enrolment (events fold into this row). */
export const lessonProgress = teacherDevelopment.table(
  'lesson_progress',
  {
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => enrolments.id, { onDelete: 'cascade' }),
    lessonId: uuid('lesson_id').notNull(),
    courseId: uuid('course_id').notNull(),
    position: integer('position').notNull(),
    state: text('state', { enum: LESSON_STATES }).notNull(),
    percent: integer('percent').notNull(),
    secondsSpent: integer('seconds_spent').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.enrolmentId, t.lessonId] }),
    index('lesson_progress_course_idx').on(t.courseId, t.lastActivityAt),
    check('lesson_progress_percent_range', sql`${t.percent} between 0 and 100`),
    check('lesson_progress_seconds_not_negative', sql`${t.secondsSpent} >= 0`),
  ],
);
export type LessonProgressRow = typeof lessonProgress.$inferSelect;

/** One rating per learner and course, editable; only enrolled learners rate. */
export const ratings = teacherDevelopment.table(
  'ratings',
  {
    courseId: uuid('course_id').notNull(),
    personId: uuid('person_id').notNull(),
    enrolmentId: uuid('enrolment_id').notNull(),
    stars: integer('stars').notNull(),
    review: text('review'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.courseId, t.personId] }),
    check('ratings_stars_range', sql`${t.stars} between 1 and 5`),
  ],
);
export type RatingRow = typeof ratings.$inferSelect;

/** Placement on a distributed cluster (docs/scale.md): a learner's enrolments and progress with the learner; ratings with their course. */
export const learningDistribution: readonly TableDistribution[] = [
  { table: enrolments, kind: 'distributed', column: 'person_id', colocation: 'person' },
  { table: lessonProgress, kind: 'distributed', column: 'person_id', colocation: 'person' },
  { table: ratings, kind: 'distributed', column: 'course_id', colocation: 'course' },
];

import type { TableDistribution } from '@lifelong/core';
import { index, jsonb, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { teacherDevelopment } from '../schema.js';

export const TEACHER_STATUSES = ['pending', 'approved', 'rejected'] as const;

/**
 * A teacher profile: one per person and region, created by the person's application and decided
 * by an admin of one of the listed institutions or of the region.
 */
export const teachers = teacherDevelopment.table(
  'teachers',
  {
    id: uuid('id').primaryKey(),
    regionId: text('region_id').notNull(),
    personId: uuid('person_id').notNull(),
    subjects: jsonb('subjects').$type<string[]>().notNull(),
    institutionIds: jsonb('institution_ids').$type<string[]>().notNull(),
    bio: text('bio').notNull(),
    status: text('status', { enum: TEACHER_STATUSES }).notNull(),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('teachers_region_person_key').on(t.regionId, t.personId),
    index('teachers_region_status_idx').on(t.regionId, t.status, t.id),
  ],
);
export type TeacherRow = typeof teachers.$inferSelect;

/** Placement on a distributed cluster (docs/scale.md): teacher-keyed data goes with the teacher profile. */
export const teachersDistribution: readonly TableDistribution[] = [
  { table: teachers, kind: 'distributed', column: 'id', colocation: 'teacher' },
];

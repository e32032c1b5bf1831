import type { TableDistribution } from '@lifelong/core';
import { boolean, index, integer, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { teacherDevelopment } from '../schema.js';

export interface QualityFigures {
  courses: number;
  enrolments: number;
  learners: number;
  activeLearners: number;
  completed: number;
  completionRate: number;
  ratingCount: number;
  averageStars: number | null;
  retention: number;
  repeatLearners: number;
  repeatRate: number;
}

export interface Suggestion {
  code: 'completion-drop' | 'low-completion' | 'low-ratings' | 'few-repeat-learners' | 'no-active-learners';
  message: string;
  courseId?: string;
  lesson?: number;
}

/**
 * Each teacher's latest quality score (basis points of 100: 7250 is 72.50) with the figures behind
 * it and the suggestions derived from them; `inDatabase` once the score reaches the threshold.
 */
export const qualityScores = teacherDevelopment.table(
  'quality_scores',
  {
    teacherId: uuid('teacher_id').primaryKey(),
    regionId: text('region_id').notNull(),
    scoreBps: integer('score_bps').notNull(),
    figures: jsonb('figures').$type<QualityFigures>().notNull(),
    suggestions: jsonb('suggestions').$type<Suggestion[]>().notNull(),
    inDatabase: boolean('in_database').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('quality_scores_region_idx').on(t.regionId, t.inDatabase, t.scoreBps)],
);
export type QualityRow = typeof qualityScores.$inferSelect;

/** Placement on a distributed cluster (docs/scale.md). */
export const qualityDistribution: readonly TableDistribution[] = [
  { table: qualityScores, kind: 'distributed', column: 'teacher_id', colocation: 'teacher' },
];

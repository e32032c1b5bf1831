import type { Queryable } from '@lifelong/core';
import { and, eq } from 'drizzle-orm';
import { iso } from '../context.js';
import { EnrolmentNotFound } from '../errors.js';
import { lessonsOf } from '../shared/courses.js';
import { type EnrolmentRow, enrolments, lessonProgress, type RatingRow } from './schema.js';
import type { Enrolment, Rating } from './schemas.js';

export const enrolmentSummary = (row: EnrolmentRow): Omit<Enrolment, 'lessons'> => ({
  id: row.id,
  regionId: row.regionId,
  courseId: row.courseId,
  version: row.version,
  personId: row.personId,
  access: row.access,
  payment:
    row.access === 'paid' && row.shares
      ? { asset: row.asset ?? '', amount: String(row.amountPaid), shares: row.shares, transferIds: row.transferIds }
      : null,
  enrolledAt: row.enrolledAt.toISOString(),
  completedAt: iso(row.completedAt),
  award:
    row.awardStatus && row.awardRecordId
      ? { status: row.awardStatus, recordId: row.awardRecordId, credits: row.credits ?? '0', points: row.points ?? '0' }
      : null,
});

/** The enrolment with the lessons of its version and the learner's progress in each. */
export async function enrolmentView(db: Queryable, row: EnrolmentRow): Promise<Enrolment> {
  const lessonRows = await lessonsOf(db, row.courseId, row.version);
  const progress = await db.select().from(lessonProgress).where(eq(lessonProgress.enrolmentId, row.id));
  const byLesson = new Map(progress.map((p) => [p.lessonId, p]));
  return {
    ...enrolmentSummary(row),
    lessons: lessonRows.map((lesson) => {
      const p = byLesson.get(lesson.id);
      return {
        id: lesson.id,
        position: lesson.position,
        title: lesson.title,
        media: lesson.media,
        progress: {
          lessonId: lesson.id,
          position: lesson.position,
          state: p?.state ?? 'not-started',
          percent: p?.percent ?? 0,
          secondsSpent: p?.secondsSpent ?? 0,
          completedAt: iso(p?.completedAt ?? null),
        },
      };
    }),
  };
}

/** The caller's own enrolment (404 for anyone else's: enrolments are private). */
export async function ownEnrolment(
  db: Queryable,
  enrolmentId: string,
  personId: string,
  regionId: string,
  lock = false,
) {
  const query = db
    .select()
    .from(enrolments)
    .where(and(eq(enrolments.id, enrolmentId), eq(enrolments.personId, personId), eq(enrolments.regionId, regionId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw EnrolmentNotFound({ detail: `You have no enrolment ${enrolmentId}.` });
  return row;
}

export async function enrolmentOf(db: Queryable, courseId: string, personId: string) {
  const [row] = await db
    .select()
    .from(enrolments)
    .where(and(eq(enrolments.courseId, courseId), eq(enrolments.personId, personId)));
  return row ?? null;
}

export const ratingView = (row: RatingRow): Rating => ({
  courseId: row.courseId,
  personId: row.personId,
  stars: row.stars,
  review: row.review,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

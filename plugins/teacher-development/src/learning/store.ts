import { afterIdCursor, type Queryable } from '@lifelong/core';
import type { Static } from '@sinclair/typebox';
import { and, avg, count, desc, eq, isNull, max } from 'drizzle-orm';
import { iso } from '../context.js';
import { EnrolmentNotFound } from '../errors.js';
import { lessonsOf } from '../shared/courses.js';
import { lessons } from '../shared/tables.js';
import type { CompletionRuleConfig } from './config.js';
import { requiredSeconds } from './engagement.js';
import {
  type EnrolmentRow,
  enrolments,
  type LessonProgressRow,
  lessonProgress,
  type RatingRow,
  ratings,
} from './schema.js';
import type { Enrolment, Rating, Review } from './schemas.js';

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
export async function enrolmentView(
  db: Queryable,
  row: EnrolmentRow,
  rule: Static<typeof CompletionRuleConfig>,
): Promise<Enrolment> {
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
        durationSeconds: lesson.durationSeconds,
        progress: {
          lessonId: lesson.id,
          position: lesson.position,
          state: p?.state ?? 'not-started',
          percent: p?.percent ?? 0,
          secondsSpent: p?.secondsSpent ?? 0,
          requiredSeconds: requiredSeconds(lesson, rule),
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

/** A rating as other learners see it: no rater. */
export const reviewView = (row: RatingRow): Review => ({
  stars: row.stars,
  review: row.review,
  updatedAt: row.updatedAt.toISOString(),
});

export const ratingView = (row: RatingRow): Rating => ({
  courseId: row.courseId,
  personId: row.personId,
  stars: row.stars,
  review: row.review,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export async function insertEnrolment(db: Queryable, values: typeof enrolments.$inferInsert) {
  const [row] = await db.insert(enrolments).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function updateEnrolment(db: Queryable, id: string, set: Partial<typeof enrolments.$inferInsert>) {
  const [row] = await db.update(enrolments).set(set).where(eq(enrolments.id, id)).returning();
  if (!row) throw new Error('update returned no row');
  return row;
}

/** Marks the enrolment completed unless it already is: only one request ever gets the row back. */
export async function markCompleted(db: Queryable, id: string, at: Date) {
  const [row] = await db
    .update(enrolments)
    .set({ completedAt: at })
    .where(and(eq(enrolments.id, id), isNull(enrolments.completedAt)))
    .returning();
  return row ?? null;
}

export async function enrolmentPage(
  db: Queryable,
  personId: string,
  regionId: string,
  page: { limit: number; cursor?: string | undefined },
) {
  return db
    .select()
    .from(enrolments)
    .where(
      and(
        eq(enrolments.personId, personId),
        eq(enrolments.regionId, regionId),
        afterIdCursor(enrolments.id, page.cursor),
      ),
    )
    .orderBy(enrolments.id)
    .limit(page.limit + 1);
}

/** The lesson when it belongs to the enrolment's course version. */
export async function lessonOfEnrolment(db: Queryable, enrolment: EnrolmentRow, lessonId: string) {
  const [row] = await db
    .select()
    .from(lessons)
    .where(
      and(eq(lessons.id, lessonId), eq(lessons.courseId, enrolment.courseId), eq(lessons.version, enrolment.version)),
    );
  return row ?? null;
}

export async function progressOf(db: Queryable, enrolmentId: string, lessonId: string, lock = false) {
  const query = db
    .select()
    .from(lessonProgress)
    .where(and(eq(lessonProgress.enrolmentId, enrolmentId), eq(lessonProgress.lessonId, lessonId)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/** When the enrolment's latest progress event (of any lesson) arrived; null before the first. */
export async function lastEventAt(db: Queryable, enrolmentId: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: max(lessonProgress.lastActivityAt) })
    .from(lessonProgress)
    .where(eq(lessonProgress.enrolmentId, enrolmentId));
  return row?.at ?? null;
}

export async function progressOfEnrolment(db: Queryable, enrolmentId: string) {
  return db.select().from(lessonProgress).where(eq(lessonProgress.enrolmentId, enrolmentId));
}

type ProgressValues = Omit<LessonProgressRow, 'enrolmentId' | 'lessonId' | 'courseId' | 'position' | 'startedAt'>;

export async function upsertProgress(
  db: Queryable,
  key: Pick<LessonProgressRow, 'enrolmentId' | 'lessonId' | 'courseId' | 'position' | 'startedAt'>,
  values: ProgressValues,
) {
  await db
    .insert(lessonProgress)
    .values({ ...key, ...values })
    .onConflictDoUpdate({ target: [lessonProgress.enrolmentId, lessonProgress.lessonId], set: values });
}

export async function ratingOf(db: Queryable, courseId: string, personId: string) {
  const [row] = await db
    .select()
    .from(ratings)
    .where(and(eq(ratings.courseId, courseId), eq(ratings.personId, personId)));
  return row ?? null;
}

export async function upsertRating(db: Queryable, values: typeof ratings.$inferInsert) {
  const set = { stars: values.stars, review: values.review ?? null, updatedAt: values.updatedAt };
  const [row] = await db
    .insert(ratings)
    .values(values)
    .onConflictDoUpdate({ target: [ratings.courseId, ratings.personId], set })
    .returning();
  if (!row) throw new Error('upsert returned no row');
  return row;
}

export async function ratingSummary(db: Queryable, courseId: string) {
  const [row] = await db
    .select({ n: count(), average: avg(ratings.stars) })
    .from(ratings)
    .where(eq(ratings.courseId, courseId));
  return { n: row?.n ?? 0, average: row?.average == null ? null : Number(row.average) };
}

export async function latestRatings(db: Queryable, courseId: string, limit: number) {
  return db.select().from(ratings).where(eq(ratings.courseId, courseId)).orderBy(desc(ratings.updatedAt)).limit(limit);
}

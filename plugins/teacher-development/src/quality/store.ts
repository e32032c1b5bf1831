import { decodeCursor, isUuidKey, type Queryable } from '@lifelong/core';
import { and, desc, eq, gt, inArray, lt, max, or } from 'drizzle-orm';
import type { JobCtx } from '../context.js';
import { courses, courseVersions, enrolments, lessonProgress, lessons, ratings, teachers } from '../shared/tables.js';
import { scoreTeacher, type TeacherActivity } from './compute.js';
import { type QualityRow, qualityScores } from './schema.js';

export { qualityOf } from '../shared/quality.js';

/** Everything the score of one teacher rests on, read in the job's transaction. */
async function activityOf(db: Queryable, teacherId: string): Promise<TeacherActivity> {
  const courseRows = await db.select().from(courses).where(eq(courses.teacherId, teacherId));
  const ids = courseRows.map((c) => c.id);
  if (ids.length === 0) return { courses: [], enrolments: [], progress: [], ratings: [] };
  const counts = await db
    .select({ courseId: lessons.courseId, version: lessons.version, n: max(lessons.position) })
    .from(lessons)
    .where(inArray(lessons.courseId, ids))
    .groupBy(lessons.courseId, lessons.version);
  const titles = await db
    .select({ courseId: courseVersions.courseId, version: courseVersions.version, title: courseVersions.title })
    .from(courseVersions)
    .where(inArray(courseVersions.courseId, ids));
  const enrolmentRows = await db.select().from(enrolments).where(inArray(enrolments.courseId, ids));
  const progressRows = await db.select().from(lessonProgress).where(inArray(lessonProgress.courseId, ids));
  const ratingRows = await db.select().from(ratings).where(inArray(ratings.courseId, ids));
  return {
    courses: courseRows.map((c) => ({
      id: c.id,
      title:
        titles.find((t) => t.courseId === c.id && t.version === (c.liveVersion ?? 1))?.title ??
        titles.find((t) => t.courseId === c.id)?.title ??
        c.id,
      lessonCounts: new Map(counts.filter((n) => n.courseId === c.id).map((n) => [n.version, n.n ?? 0])),
    })),
    enrolments: enrolmentRows.map((e) => ({
      id: e.id,
      courseId: e.courseId,
      version: e.version,
      personId: e.personId,
      completed: e.completedAt !== null,
    })),
    progress: progressRows.map((p) => ({
      enrolmentId: p.enrolmentId,
      position: p.position,
      completed: p.state === 'completed',
      lastActivityAt: p.lastActivityAt,
    })),
    ratings: ratingRows.map((r) => ({ courseId: r.courseId, stars: r.stars })),
  };
}

/** Recomputes the score of every approved teacher of the region; returns how many are in the database. */
export async function recomputeQuality(ctx: JobCtx, regionId: string) {
  const config = (await ctx.configFor(regionId)).quality;
  const now = ctx.now();
  const rows = await ctx.db
    .select()
    .from(teachers)
    .where(and(eq(teachers.regionId, regionId), eq(teachers.status, 'approved')));
  let inDatabase = 0;
  for (const teacher of rows) {
    const result = scoreTeacher(await activityOf(ctx.db, teacher.id), config, now);
    const member = result.scoreBps >= Math.round(config.threshold * 100);
    if (member) inDatabase += 1;
    const values = {
      regionId,
      scoreBps: result.scoreBps,
      figures: result.figures,
      suggestions: result.suggestions,
      inDatabase: member,
      computedAt: now,
    };
    await ctx.db
      .insert(qualityScores)
      .values({ teacherId: teacher.id, ...values })
      .onConflictDoUpdate({ target: qualityScores.teacherId, set: values });
  }
  return { teachers: rows.length, inDatabase };
}

export const qualityView = (row: QualityRow) => ({
  teacherId: row.teacherId,
  regionId: row.regionId,
  score: row.scoreBps / 100,
  inDatabase: row.inDatabase,
  figures: row.figures,
  suggestions: row.suggestions,
  computedAt: row.computedAt.toISOString(),
});

/** A quality database page's cursor: the last member's score (basis points) and teacher id. */
export interface QualityKey {
  scoreBps: number;
  teacherId: string;
}
const isQualityKey = (key: unknown): key is QualityKey =>
  typeof key === 'object' &&
  key !== null &&
  Number.isSafeInteger((key as { scoreBps?: unknown }).scoreBps) &&
  isUuidKey({ id: (key as { teacherId?: unknown }).teacherId });

/** A page of the region's quality database: teachers in it, best first (`limit + 1` rows). */
export async function qualityDatabase(
  db: Queryable,
  regionId: string,
  page: { limit: number; cursor?: string | undefined },
) {
  const after = page.cursor ? decodeCursor(page.cursor, isQualityKey) : null;
  return db
    .select()
    .from(qualityScores)
    .where(
      and(
        eq(qualityScores.regionId, regionId),
        eq(qualityScores.inDatabase, true),
        after
          ? or(
              lt(qualityScores.scoreBps, after.scoreBps),
              and(eq(qualityScores.scoreBps, after.scoreBps), gt(qualityScores.teacherId, after.teacherId)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(qualityScores.scoreBps), qualityScores.teacherId)
    .limit(page.limit + 1);
}

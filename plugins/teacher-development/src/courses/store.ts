import { afterIdCursor, type Queryable, toPage, uuidv7 } from '@lifelong/core';
import { and, eq, inArray, isNotNull, isNull, max } from 'drizzle-orm';
import { type Ctx, iso } from '../context.js';
import { invalidField } from '../field-error.js';
import { idKey } from '../pages.js';
import type { TeacherRow } from '../shared/tables.js';
import { type CourseRow, type CourseVersionRow, courses, courseVersions, lessons, media } from './schema.js';
import type { Course, CourseContentBody, CourseVersion } from './schemas.js';

export { findCourse, lessonsOf, versionRow } from '../shared/courses.js';

import { lessonsOf, versionRow } from '../shared/courses.js';

const OPEN = ['draft', 'submitted', 'reviewed'] as const;

export async function openVersionRow(db: Queryable, courseId: string) {
  const [row] = await db
    .select()
    .from(courseVersions)
    .where(and(eq(courseVersions.courseId, courseId), inArray(courseVersions.status, [...OPEN])));
  return row ?? null;
}

export async function versionView(db: Queryable, row: CourseVersionRow): Promise<CourseVersion> {
  const rows = await lessonsOf(db, row.courseId, row.version);
  return {
    version: row.version,
    status: row.status,
    title: row.title,
    description: row.description,
    stage: row.stage as CourseVersion['stage'],
    level: row.level as CourseVersion['level'],
    learningOutcomes: row.learningOutcomes,
    workloadHours: row.workloadHours,
    assessmentFormId: row.assessmentFormId,
    reviewNote: row.reviewNote,
    lessons: rows.map((l) => ({
      id: l.id,
      position: l.position,
      title: l.title,
      media: l.media,
      durationSeconds: l.durationSeconds,
    })),
  };
}

/** What the course is now: retired, published (possibly with a new version under way), or its open version's state. */
export function courseStatus(row: CourseRow, open: CourseVersionRow | null): Course['status'] {
  if (row.retiredAt) return 'retired';
  if (row.liveVersion !== null) return 'published';
  return (open?.status ?? 'draft') as Course['status'];
}

/** The course as JSON; the open version only for its teacher and reviewers (`showOpen`). */
export async function courseView(db: Queryable, row: CourseRow, showOpen: boolean): Promise<Course> {
  const open = await openVersionRow(db, row.id);
  const live = row.liveVersion === null ? null : await versionRow(db, row.id, row.liveVersion);
  return {
    id: row.id,
    regionId: row.regionId,
    teacherId: row.teacherId,
    institutionId: row.institutionId,
    status: courseStatus(row, open),
    liveVersion: row.liveVersion,
    publishedAt: iso(row.publishedAt),
    retiredAt: iso(row.retiredAt),
    createdAt: row.createdAt.toISOString(),
    live: live ? await versionView(db, live) : null,
    open: showOpen && open ? await versionView(db, open) : null,
  };
}

export async function nextVersionNumber(db: Queryable, courseId: string): Promise<number> {
  const [row] = await db
    .select({ n: max(courseVersions.version) })
    .from(courseVersions)
    .where(eq(courseVersions.courseId, courseId));
  return (row?.n ?? 0) + 1;
}

/**
 * Writes a version's content and lessons (replacing the lessons it had). Every media hash must be a
 * file this teacher uploaded, so a course cannot point at someone else's files.
 */
export async function writeContent(
  ctx: Ctx,
  teacher: TeacherRow,
  courseId: string,
  version: number,
  status: CourseVersionRow['status'],
  body: CourseContentBody,
) {
  if (body.lessons.length > ctx.config.courses.maxLessons) {
    throw invalidField(
      '/body/lessons',
      'maxLessons',
      `At most ${ctx.config.courses.maxLessons} lessons in this region.`,
    );
  }
  const hashes = [...new Set(body.lessons.flatMap((l) => l.media))];
  const known = hashes.length
    ? await ctx.db
        .select()
        .from(media)
        .where(and(eq(media.teacherId, teacher.id), inArray(media.sha256, hashes)))
    : [];
  const byHash = new Map(known.map((m) => [m.sha256, m]));
  for (const [i, lesson] of body.lessons.entries()) {
    for (const [j, hash] of lesson.media.entries()) {
      if (!byHash.has(hash)) {
        throw invalidField(`/body/lessons/${i}/media/${j}`, 'uploadedMedia', `No media ${hash} was uploaded by you.`);
      }
    }
  }
  const content = {
    status,
    title: body.title,
    description: body.description,
    stage: body.stage,
    level: body.level,
    learningOutcomes: body.learningOutcomes,
    workloadHours: body.workloadHours,
    assessmentFormId: body.assessmentFormId ?? null,
    reviewNote: null,
    updatedAt: ctx.now(),
  };
  await ctx.db
    .insert(courseVersions)
    .values({ courseId, version, ...content })
    .onConflictDoUpdate({ target: [courseVersions.courseId, courseVersions.version], set: content });
  await ctx.db.delete(lessons).where(and(eq(lessons.courseId, courseId), eq(lessons.version, version)));
  await ctx.db.insert(lessons).values(
    body.lessons.map((lesson, i) => ({
      id: uuidv7(),
      courseId,
      version,
      position: i + 1,
      title: lesson.title,
      durationSeconds: lesson.durationSeconds ?? null,
      media: lesson.media.map((hash) => {
        const file = byHash.get(hash);
        if (!file) throw new Error('checked above');
        return { sha256: file.sha256, contentType: file.contentType, size: file.size };
      }),
    })),
  );
}

export async function insertCourse(db: Queryable, values: Omit<typeof courses.$inferInsert, 'id'>) {
  const [course] = await db
    .insert(courses)
    .values({ id: uuidv7(), ...values })
    .returning();
  if (!course) throw new Error('insert returned no row');
  return course;
}

/** A page of the region's published, not retired courses (of one teacher, if asked), oldest first. */
export async function publishedCoursePage(
  db: Queryable,
  regionId: string,
  query: { teacherId?: string; limit?: number; cursor?: string },
) {
  const limit = query.limit ?? 50;
  const rows = await db
    .select()
    .from(courses)
    .where(
      and(
        eq(courses.regionId, regionId),
        isNotNull(courses.liveVersion),
        isNull(courses.retiredAt),
        query.teacherId ? eq(courses.teacherId, query.teacherId) : undefined,
        afterIdCursor(courses.id, query.cursor),
      ),
    )
    .orderBy(courses.id)
    .limit(limit + 1);
  const page = toPage(rows, limit, idKey);
  return {
    items: await Promise.all(page.items.map((row) => courseView(db, row, false))),
    nextCursor: page.nextCursor,
  };
}

/**
 * Courses in any state, with their open version (the teacher's own list, the review queue):
 * filtered by teacher and by the open version's status.
 */
export async function workingCoursePage(
  db: Queryable,
  regionId: string,
  query: {
    teacherId?: string | undefined;
    openVersion?: CourseVersionRow['status'] | undefined;
    limit?: number;
    cursor?: string;
  },
) {
  const limit = query.limit ?? 50;
  const open = query.openVersion;
  const rows = await db
    .select()
    .from(courses)
    .where(
      and(
        eq(courses.regionId, regionId),
        query.teacherId ? eq(courses.teacherId, query.teacherId) : undefined,
        open
          ? inArray(
              courses.id,
              db.select({ id: courseVersions.courseId }).from(courseVersions).where(eq(courseVersions.status, open)),
            )
          : undefined,
        afterIdCursor(courses.id, query.cursor),
      ),
    )
    .orderBy(courses.id)
    .limit(limit + 1);
  const page = toPage(rows, limit, idKey);
  return {
    items: await Promise.all(page.items.map((row) => courseView(db, row, true))),
    nextCursor: page.nextCursor,
  };
}

export async function setVersionStatus(
  db: Queryable,
  courseId: string,
  version: number,
  status: CourseVersionRow['status'],
  at: Date,
  reviewNote?: string | null,
): Promise<void> {
  await db
    .update(courseVersions)
    .set({ status, updatedAt: at, ...(reviewNote !== undefined ? { reviewNote } : {}) })
    .where(and(eq(courseVersions.courseId, courseId), eq(courseVersions.version, version)));
}

export async function markLive(db: Queryable, courseId: string, version: number, publishedAt: Date) {
  const [published] = await db
    .update(courses)
    .set({ liveVersion: version, publishedAt })
    .where(eq(courses.id, courseId))
    .returning();
  if (!published) throw new Error('update returned no row');
  return published;
}

export async function markRetired(db: Queryable, courseId: string, at: Date) {
  const [retired] = await db.update(courses).set({ retiredAt: at }).where(eq(courses.id, courseId)).returning();
  if (!retired) throw new Error('update returned no row');
  return retired;
}

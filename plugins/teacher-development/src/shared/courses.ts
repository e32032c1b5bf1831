import type { Queryable } from '@lifelong/core';
import { and, asc, eq } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { CourseNotFound } from '../errors.js';
import { type CourseRow, courses, courseVersions, lessons } from './tables.js';
import { teacherById, teacherOfPerson } from './teachers.js';

// Reading a course, its versions and lessons: learning, pricing and quality read courses too.

export async function findCourse(db: Queryable, courseId: string, regionId: string, lock = false) {
  const query = db
    .select()
    .from(courses)
    .where(and(eq(courses.id, courseId), eq(courses.regionId, regionId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw CourseNotFound({ detail: `Course ${courseId} does not exist in region "${regionId}".` });
  return row;
}

export async function versionRow(db: Queryable, courseId: string, version: number) {
  const [row] = await db
    .select()
    .from(courseVersions)
    .where(and(eq(courseVersions.courseId, courseId), eq(courseVersions.version, version)));
  return row ?? null;
}

export async function lessonsOf(db: Queryable, courseId: string, version: number) {
  return db
    .select()
    .from(lessons)
    .where(and(eq(lessons.courseId, courseId), eq(lessons.version, version)))
    .orderBy(asc(lessons.position));
}

/**
 * Who owns a course for the self-dealing rule (`ctx.refuseConflictOfInterest`): its teacher and
 * the institution that shares its revenue, whose staff are the teacher's co-staff.
 */
export async function courseOwners(db: Queryable, course: CourseRow) {
  const teacher = await teacherById(db, course.teacherId);
  if (!teacher) throw new Error(`Teacher ${course.teacherId} of course ${course.id} vanished`);
  return { personIds: [teacher.personId], institutionIds: course.institutionId ? [course.institutionId] : [] };
}

/** Reviewers of the region and the course's own teacher see a course before it is published. */
export async function maySeeDraft(ctx: Ctx, course: CourseRow) {
  if (ctx.can('courses.review', { regionId: course.regionId })) return true;
  if (ctx.principal.kind !== 'person') return false;
  return (await teacherOfPerson(ctx.db, ctx.principal.id, course.regionId))?.id === course.teacherId;
}

/** The course, unless it is unpublished and the caller may not see drafts: then 404, as if absent. */
export async function visibleCourse(ctx: Ctx, courseId: string) {
  const course = await findCourse(ctx.db, courseId, ctx.regionId);
  if (course.publishedAt === null && !(await maySeeDraft(ctx, course))) {
    throw CourseNotFound({ detail: `Course ${courseId} does not exist in region "${ctx.regionId}".` });
  }
  return course;
}

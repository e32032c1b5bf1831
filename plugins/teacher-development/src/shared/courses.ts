import type { Queryable } from '@lifelong/core';
import { and, asc, eq } from 'drizzle-orm';
import { CourseNotFound } from '../errors.js';
import { courses, courseVersions, lessons } from './tables.js';

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

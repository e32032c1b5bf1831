import type { Queryable } from '@lifelong/core';
import { and, eq, lt, sql } from 'drizzle-orm';
import { courses, enrolments, lessons, media, teachers } from '../shared/tables.js';

// Lesson media rows: who uploaded what, for which institution, and which lessons use it.

/** Whether the teacher already holds this file (a re-upload costs no quota). */
export async function holdsMedia(db: Queryable, teacherId: string, sha256: string): Promise<boolean> {
  const [row] = await db
    .select({ sha256: media.sha256 })
    .from(media)
    .where(and(eq(media.teacherId, teacherId), eq(media.sha256, sha256)));
  return row !== undefined;
}

/** Bytes of media the teacher holds, or uploaded for the institution: what a quota counts. */
export async function mediaBytes(db: Queryable, owner: { teacherId: string } | { institutionId: string }) {
  const [row] = await db
    .select({ bytes: sql<string>`coalesce(sum(${media.size}), 0)` })
    .from(media)
    .where('teacherId' in owner ? eq(media.teacherId, owner.teacherId) : eq(media.institutionId, owner.institutionId));
  return Number(row?.bytes ?? 0);
}

export async function insertMedia(db: Queryable, values: typeof media.$inferInsert): Promise<void> {
  await db.insert(media).values(values).onConflictDoNothing();
}

/**
 * How a lesson of the course uses the file (its sniffed type and size), in `version` or, without
 * one, in any version; null when no lesson does.
 */
export async function lessonMedia(db: Queryable, courseId: string, sha256: string, version?: number) {
  const rows = await db
    .select({ media: lessons.media })
    .from(lessons)
    .where(
      and(
        eq(lessons.courseId, courseId),
        version === undefined ? undefined : eq(lessons.version, version),
        sql`${lessons.media} @> ${JSON.stringify([{ sha256 }])}::jsonb`,
      ),
    )
    .limit(1);
  return rows[0]?.media.find((m) => m.sha256 === sha256) ?? null;
}

/** The version of the course the person is enrolled in, or null. */
export async function enrolledVersion(db: Queryable, courseId: string, personId: string): Promise<number | null> {
  const [row] = await db
    .select({ version: enrolments.version })
    .from(enrolments)
    .where(and(eq(enrolments.courseId, courseId), eq(enrolments.personId, personId)));
  return row?.version ?? null;
}

/** No lesson of a course of the uploading teacher uses the file. */
const unattached = sql`not exists (
  select 1 from ${lessons} join ${courses} on ${courses.id} = ${lessons.courseId}
  where ${courses.teacherId} = ${media.teacherId}
    and ${lessons.media} @> jsonb_build_array(jsonb_build_object('sha256', ${media.sha256}))
)`;

/** Uploads older than `before` that no lesson uses, oldest first, with their teacher's region. */
export async function unattachedMedia(db: Queryable, before: Date, limit: number) {
  return db
    .select({ teacherId: media.teacherId, sha256: media.sha256, regionId: teachers.regionId })
    .from(media)
    .leftJoin(teachers, eq(teachers.id, media.teacherId))
    .where(and(lt(media.uploadedAt, before), unattached))
    .orderBy(media.uploadedAt)
    .limit(limit);
}

/** Deletes the upload if it is still unused and older than `before` (checked in the statement). */
export async function deleteUnattachedMedia(db: Queryable, teacherId: string, sha256: string, before: Date) {
  const deleted = await db
    .delete(media)
    .where(and(eq(media.teacherId, teacherId), eq(media.sha256, sha256), lt(media.uploadedAt, before), unattached))
    .returning({ sha256: media.sha256 });
  return deleted.length > 0;
}

/** Whether any teacher still holds an upload of the file (then its bytes stay). */
export async function mediaHeld(db: Queryable, sha256: string): Promise<boolean> {
  const [row] = await db.select({ sha256: media.sha256 }).from(media).where(eq(media.sha256, sha256)).limit(1);
  return row !== undefined;
}

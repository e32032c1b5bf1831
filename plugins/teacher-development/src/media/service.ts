import type { ServedFile, StagedUpload } from '@lifelong/core';
import { sniffContentType } from '@lifelong/core';
import type { Ctx, JobCtx } from '../context.js';
import { CourseNotFound, MediaMismatch } from '../errors.js';
import { invalidField } from '../field-error.js';
import { findCourse } from '../shared/courses.js';
import type { CourseRow } from '../shared/tables.js';
import { approvedTeacher, teacherOfPerson } from '../shared/teachers.js';
import { MediaInstitutionQuotaExceeded, MediaTeacherQuotaExceeded } from './errors.js';
import {
  deleteUnattachedMedia,
  enrolledVersion,
  holdsMedia,
  insertMedia,
  lessonMedia,
  mediaBytes,
  mediaHeld,
  unattachedMedia,
} from './store.js';

// Lesson media: approved teachers upload (streamed, sniffed, within quotas); enrolled learners and
// the course's staff open them; what no lesson uses is removed after a while.

/**
 * Keeps an approved teacher's media file (streamed into the file store's staging area by the
 * platform) when its bytes are of the declared type and it fits the teacher's quota and, when
 * uploaded for one of their institutions, the institution's.
 */
export async function uploadMedia(ctx: Ctx, upload: StagedUpload, institutionId: string | undefined) {
  const teacher = await approvedTeacher(ctx);
  const sniffed = sniffContentType(upload.head);
  if (sniffed !== upload.contentType) {
    throw MediaMismatch({
      detail: `Declared ${upload.contentType}, but the bytes are ${sniffed ?? 'of an unknown type'}.`,
    });
  }
  if (institutionId && !teacher.institutionIds.includes(institutionId)) {
    throw invalidField('/query/institutionId', 'teachersInstitution', 'Not one of your institutions.');
  }
  if (!(await holdsMedia(ctx.db, teacher.id, upload.sha256))) {
    const { teacherQuotaBytes, institutionQuotaBytes } = ctx.config.media;
    const teacherBytes = await mediaBytes(ctx.db, { teacherId: teacher.id });
    if (teacherBytes + upload.size > teacherQuotaBytes) {
      throw MediaTeacherQuotaExceeded({
        detail: `You keep ${teacherBytes} bytes of media; ${upload.size} more would pass your quota of ${teacherQuotaBytes}.`,
        extensions: { quota: 'teacher', quotaBytes: teacherQuotaBytes, usedBytes: teacherBytes },
      });
    }
    if (institutionId) {
      const institutionBytes = await mediaBytes(ctx.db, { institutionId });
      if (institutionBytes + upload.size > institutionQuotaBytes) {
        throw MediaInstitutionQuotaExceeded({
          detail: `Institution ${institutionId} keeps ${institutionBytes} bytes of media; ${upload.size} more would pass its quota of ${institutionQuotaBytes}.`,
          extensions: { quota: 'institution', quotaBytes: institutionQuotaBytes, usedBytes: institutionBytes },
        });
      }
    }
  }
  const stored = await ctx.files.keep(upload);
  await insertMedia(ctx.db, {
    teacherId: teacher.id,
    sha256: stored.sha256,
    contentType: sniffed,
    size: stored.size,
    uploadedAt: ctx.now(),
    institutionId: institutionId ?? null,
  });
  return { sha256: stored.sha256, contentType: sniffed, size: stored.size };
}

/** The course's teacher, and reviewers of its region or of its institution. */
async function isStaff(ctx: Ctx, course: CourseRow): Promise<boolean> {
  if (ctx.can('courses.review', { regionId: course.regionId })) return true;
  if (course.institutionId && ctx.can('courses.review', { institutionId: course.institutionId })) return true;
  if (ctx.principal.kind !== 'person') return false;
  const teacher = await teacherOfPerson(ctx.db, ctx.principal.id, course.regionId);
  return teacher?.id === course.teacherId;
}

const EXTENSIONS: Record<string, string> = {
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'audio/mpeg': 'mp3',
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
};

/**
 * A lesson media file of the course, for its staff (any version) and its enrolled learners (the
 * version they are enrolled in). Everyone else gets the 404 an unknown course gets.
 */
export async function mediaToServe(ctx: Ctx, courseId: string, sha256: string): Promise<ServedFile> {
  const hidden = () =>
    CourseNotFound({ detail: `Course ${courseId} in region "${ctx.regionId}" has no such media for you.` });
  const course = await findCourse(ctx.db, courseId, ctx.regionId).catch(() => null);
  if (!course) throw hidden();
  let version: number | undefined;
  if (!(await isStaff(ctx, course))) {
    const enrolled =
      ctx.principal.kind === 'person' ? await enrolledVersion(ctx.db, course.id, ctx.principal.id) : null;
    if (enrolled === null) throw hidden();
    version = enrolled;
  }
  const used = await lessonMedia(ctx.db, course.id, sha256, version);
  if (!used) throw hidden();
  return {
    sha256,
    contentType: used.contentType,
    filename: `lesson-media-${sha256.slice(0, 12)}.${EXTENSIONS[used.contentType] ?? 'bin'}`,
    disposition: 'inline',
    policy: ["media-src 'self'"],
  };
}

const HOUR = 3_600_000;
const CLEANUP_BATCH = 500;

/**
 * Removes media no lesson of its teacher's courses uses, uploaded longer ago than the teacher's
 * region allows (`media.unattachedHours`), and releases the bytes when no other teacher holds
 * them. Each file in its own savepoint: one that fails is logged and skipped. Safe to run twice.
 */
export async function removeUnattachedMedia(ctx: JobCtx): Promise<number> {
  const regions = await ctx.enabledRegions();
  if (regions.length === 0) return 0;
  const hours = new Map<string, number>();
  for (const regionId of regions) hours.set(regionId, (await ctx.configFor(regionId)).media.unattachedHours);
  const now = ctx.now().getTime();
  const youngest = new Date(now - Math.min(...hours.values()) * HOUR);
  let removed = 0;
  for (const candidate of await unattachedMedia(ctx.db, youngest, CLEANUP_BATCH)) {
    try {
      await ctx.transaction(async () => {
        const limit = (candidate.regionId ? hours.get(candidate.regionId) : undefined) ?? Math.max(...hours.values());
        const cutoff = new Date(now - limit * HOUR);
        if (!(await deleteUnattachedMedia(ctx.db, candidate.teacherId, candidate.sha256, cutoff))) return;
        if (!(await mediaHeld(ctx.db, candidate.sha256))) await ctx.files.release(candidate.sha256);
        removed++;
      });
    } catch (error) {
      ctx.logger.error({ err: error, sha256: candidate.sha256 }, 'could not remove unattached media; skipped');
    }
  }
  return removed;
}

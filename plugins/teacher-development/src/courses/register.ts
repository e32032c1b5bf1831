import { afterIdCursor, sniffContentType, toPage, uuidv7 } from '@lifelong/core';
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { TeacherDevelopmentRegistrar } from '../config.js';
import type { Ctx } from '../context.js';
import { CourseNotFound, invalidField, MediaMismatch, WrongCourseState } from '../errors.js';
import { CoursePublished } from '../events.js';
import { idKey } from '../pages.js';
import { approvedTeacher, teacherOfPerson } from '../teachers/store.js';
import { MEDIA_MAX_BYTES, MEDIA_TYPES } from './config.js';
import { type CourseRow, courses, courseVersions, media } from './schema.js';
import {
  Course,
  CourseContentBody,
  CourseListQuery,
  CoursePage,
  CourseParams,
  CourseVersion,
  CourseVersionParams,
  CreateCourseBody,
  MediaFile,
  ReviewCourseBody,
} from './schemas.js';
import {
  courseView,
  findCourse,
  nextVersionNumber,
  openVersionRow,
  versionRow,
  versionView,
  writeContent,
} from './store.js';

const mayReview = (ctx: Ctx, course: CourseRow) => ctx.can('courses.review', { regionId: course.regionId });

/** True when the caller is the course's teacher. */
async function isOwner(ctx: Ctx, course: CourseRow) {
  if (ctx.principal.kind !== 'person') return false;
  const teacher = await teacherOfPerson(ctx.db, ctx.principal.id, course.regionId);
  return teacher?.id === course.teacherId;
}

/** The course, locked, when the caller is its (approved) teacher; 404 to other teachers. */
async function ownCourse(ctx: Ctx, courseId: string) {
  const teacher = await approvedTeacher(ctx);
  const course = await findCourse(ctx.db, courseId, ctx.regionId, true);
  if (course.teacherId !== teacher.id) {
    throw CourseNotFound({ detail: `You have no course ${courseId} in region "${ctx.regionId}".` });
  }
  return { teacher, course };
}

async function requireOpen(ctx: Ctx, course: CourseRow, status: string) {
  const open = await openVersionRow(ctx.db, course.id);
  if (course.retiredAt || open?.status !== status) {
    throw WrongCourseState({
      detail: `Course ${course.id} has no ${status} version (it is ${course.retiredAt ? 'retired' : (open?.status ?? 'published with no open version')}).`,
    });
  }
  return open;
}

/** Declares the courses feature: media uploads, course content and versions, review and publication. */
export function registerCourses(p: TeacherDevelopmentRegistrar): void {
  p.route({
    method: 'post',
    path: '/media',
    summary: 'Upload a lesson media file (approved teachers); the bytes must be of the declared type',
    access: { authenticated: 'approved teachers of the region' },
    request: { upload: { contentTypes: MEDIA_TYPES, maxBytes: MEDIA_MAX_BYTES } },
    responses: { 201: { description: 'Stored, by content hash', schema: MediaFile } },
    handler: async ({ upload }, ctx) => {
      const teacher = await approvedTeacher(ctx);
      const sniffed = sniffContentType(upload.bytes);
      if (sniffed !== upload.contentType) {
        throw MediaMismatch({
          detail: `Declared ${upload.contentType}, but the bytes are ${sniffed ?? 'of an unknown type'}.`,
        });
      }
      const stored = await ctx.files.put(upload.bytes);
      await ctx.db
        .insert(media)
        .values({
          teacherId: teacher.id,
          sha256: stored.sha256,
          contentType: sniffed,
          size: stored.size,
          uploadedAt: ctx.now(),
        })
        .onConflictDoNothing();
      return { status: 201, body: { sha256: stored.sha256, contentType: sniffed, size: stored.size } };
    },
  });

  p.route({
    method: 'post',
    path: '/courses',
    summary: 'Create a course as a draft (approved teachers)',
    access: { authenticated: 'approved teachers of the region' },
    request: { body: CreateCourseBody },
    responses: { 201: { description: 'The draft course', schema: Course } },
    handler: async ({ body }, ctx) => {
      const teacher = await approvedTeacher(ctx);
      const institutionId = body.institutionId ?? null;
      if (institutionId && !teacher.institutionIds.includes(institutionId)) {
        throw invalidField('/body/institutionId', 'teachersInstitution', 'Not one of your institutions.');
      }
      const { institutionId: _, ...content } = body;
      const [course] = await ctx.db
        .insert(courses)
        .values({ id: uuidv7(), regionId: ctx.regionId, teacherId: teacher.id, institutionId, createdAt: ctx.now() })
        .returning();
      if (!course) throw new Error('insert returned no row');
      await writeContent(ctx, teacher, course.id, 1, 'draft', content);
      return { status: 201, body: await courseView(ctx.db, course, true) };
    },
  });

  p.route({
    method: 'get',
    path: '/courses',
    summary: "The region's published courses, oldest first",
    access: { authenticated: 'any signed-in principal' },
    request: { query: CourseListQuery },
    responses: { 200: { description: 'A page of courses', schema: CoursePage } },
    handler: async ({ query }, ctx) => {
      const limit = query.limit ?? 50;
      const rows = await ctx.db
        .select()
        .from(courses)
        .where(
          and(
            eq(courses.regionId, ctx.regionId),
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
        status: 200,
        body: {
          items: await Promise.all(page.items.map((row) => courseView(ctx.db, row, false))),
          nextCursor: page.nextCursor,
        },
      };
    },
  });

  p.route({
    method: 'get',
    path: '/courses/{courseId}',
    summary: 'A course: published ones to anyone signed in; drafts to their teacher and reviewers',
    access: { authenticated: 'anyone signed in for published courses; the teacher and reviewers otherwise' },
    request: { params: CourseParams },
    responses: { 200: { description: 'The course', schema: Course } },
    handler: async ({ params }, ctx) => {
      const course = await findCourse(ctx.db, params.courseId, ctx.regionId);
      const privileged = mayReview(ctx, course) || (await isOwner(ctx, course));
      if (course.publishedAt === null && !privileged) {
        throw CourseNotFound({ detail: `Course ${course.id} does not exist in region "${ctx.regionId}".` });
      }
      return { status: 200, body: await courseView(ctx.db, course, privileged) };
    },
  });

  p.route({
    method: 'get',
    path: '/courses/{courseId}/versions/{version}',
    summary: 'One version of a course (its teacher and reviewers)',
    access: { authenticated: 'the course’s teacher and reviewers' },
    request: { params: CourseVersionParams },
    responses: { 200: { description: 'The version', schema: CourseVersion } },
    handler: async ({ params }, ctx) => {
      const course = await findCourse(ctx.db, params.courseId, ctx.regionId);
      if (!mayReview(ctx, course) && !(await isOwner(ctx, course))) {
        throw CourseNotFound({ detail: `Course ${course.id} does not exist in region "${ctx.regionId}".` });
      }
      const row = await versionRow(ctx.db, course.id, params.version);
      if (!row) throw CourseNotFound({ detail: `Course ${course.id} has no version ${params.version}.` });
      return { status: 200, body: await versionView(ctx.db, row) };
    },
  });

  p.route({
    method: 'put',
    path: '/courses/{courseId}/content',
    summary: 'Replace the content of the open version; on a published course with none open, this starts a new version',
    description:
      'Editing a submitted or reviewed version returns it to draft: it must be reviewed again. The live version never changes.',
    access: { authenticated: 'the course’s teacher' },
    request: { params: CourseParams, body: CourseContentBody },
    responses: { 200: { description: 'The course with its open version', schema: Course } },
    handler: async ({ params, body }, ctx) => {
      const { teacher, course } = await ownCourse(ctx, params.courseId);
      if (course.retiredAt) throw WrongCourseState({ detail: `Course ${course.id} is retired.` });
      const open = await openVersionRow(ctx.db, course.id);
      const version = open?.version ?? (await nextVersionNumber(ctx.db, course.id));
      await writeContent(ctx, teacher, course.id, version, 'draft', body);
      return { status: 200, body: await courseView(ctx.db, course, true) };
    },
  });

  p.route({
    method: 'post',
    path: '/courses/{courseId}/submit',
    summary: 'Submit the draft version for review (the course’s teacher)',
    access: { authenticated: 'the course’s teacher' },
    request: { params: CourseParams },
    responses: { 200: { description: 'The course', schema: Course } },
    handler: async ({ params }, ctx) => {
      const { course } = await ownCourse(ctx, params.courseId);
      const open = await requireOpen(ctx, course, 'draft');
      await setVersionStatus(ctx, course.id, open.version, 'submitted');
      return { status: 200, body: await courseView(ctx.db, course, true) };
    },
  });

  p.route({
    method: 'post',
    path: '/courses/{courseId}/review',
    summary: 'Approve a submitted version (it becomes reviewed) or send it back to draft with a note',
    access: { permission: 'courses.review' },
    request: { params: CourseParams, body: ReviewCourseBody },
    responses: { 200: { description: 'The course', schema: Course } },
    handler: async ({ params, body }, ctx) => {
      const course = await findCourse(ctx.db, params.courseId, ctx.regionId, true);
      ctx.require('courses.review', { regionId: course.regionId });
      const open = await requireOpen(ctx, course, 'submitted');
      await ctx.db
        .update(courseVersions)
        .set({
          status: body.decision === 'approve' ? 'reviewed' : 'draft',
          reviewNote: body.note ?? null,
          updatedAt: ctx.now(),
        })
        .where(and(eq(courseVersions.courseId, course.id), eq(courseVersions.version, open.version)));
      return { status: 200, body: await courseView(ctx.db, course, true) };
    },
  });

  p.route({
    method: 'post',
    path: '/courses/{courseId}/publish',
    summary: 'Publish the reviewed version: it becomes the live one and the previous live version is superseded',
    access: { permission: 'courses.review' },
    request: { params: CourseParams },
    responses: { 200: { description: 'The published course', schema: Course } },
    handler: async ({ params }, ctx) => {
      const course = await findCourse(ctx.db, params.courseId, ctx.regionId, true);
      ctx.require('courses.review', { regionId: course.regionId });
      const open = await requireOpen(ctx, course, 'reviewed');
      if (course.liveVersion !== null) await setVersionStatus(ctx, course.id, course.liveVersion, 'superseded');
      await setVersionStatus(ctx, course.id, open.version, 'published');
      const [published] = await ctx.db
        .update(courses)
        .set({ liveVersion: open.version, publishedAt: course.publishedAt ?? ctx.now() })
        .where(eq(courses.id, course.id))
        .returning();
      if (!published) throw new Error('update returned no row');
      await ctx.emit(
        CoursePublished,
        { courseId: course.id, teacherId: course.teacherId, regionId: course.regionId, version: open.version },
        { key: course.teacherId },
      );
      return { status: 200, body: await courseView(ctx.db, published, true) };
    },
  });

  p.route({
    method: 'post',
    path: '/courses/{courseId}/retire',
    summary: 'Retire a published course: no new enrolments; enrolled learners keep their access',
    access: { authenticated: 'the course’s teacher and reviewers' },
    request: { params: CourseParams },
    responses: { 200: { description: 'The retired course', schema: Course } },
    handler: async ({ params }, ctx) => {
      const course = await findCourse(ctx.db, params.courseId, ctx.regionId, true);
      if (!mayReview(ctx, course) && !(await isOwner(ctx, course))) {
        throw CourseNotFound({ detail: `Course ${course.id} does not exist in region "${ctx.regionId}".` });
      }
      if (course.liveVersion === null || course.retiredAt) {
        throw WrongCourseState({ detail: `Only a published course can be retired.` });
      }
      const [retired] = await ctx.db
        .update(courses)
        .set({ retiredAt: ctx.now() })
        .where(eq(courses.id, course.id))
        .returning();
      if (!retired) throw new Error('update returned no row');
      return { status: 200, body: await courseView(ctx.db, retired, true) };
    },
  });
}

async function setVersionStatus(
  ctx: Ctx,
  courseId: string,
  version: number,
  status: (typeof courseVersions.$inferSelect)['status'],
) {
  await ctx.db
    .update(courseVersions)
    .set({ status, updatedAt: ctx.now() })
    .where(and(eq(courseVersions.courseId, courseId), eq(courseVersions.version, version)));
}

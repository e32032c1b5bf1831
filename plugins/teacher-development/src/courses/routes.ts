import { afterIdCursor, sniffContentType, toPage, uuidv7 } from '@lifelong/core';
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { TeacherDevelopmentRegistrar } from '../config.js';
import type { Ctx } from '../context.js';
import { CourseNotFound, MediaMismatch, WrongCourseState } from '../errors.js';
import { CoursePublished } from '../events.js';
import { invalidField } from '../field-error.js';
import { idKey } from '../pages.js';
import { approvedTeacher, teacherOfPerson } from '../shared/teachers.js';
import * as contract from './contract.js';
import { type CourseRow, courses, courseVersions, media } from './schema.js';
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
  p.route(contract.uploadMedia, async ({ upload }, ctx) => {
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
  });

  p.route(contract.createCourse, async ({ body }, ctx) => {
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
  });

  p.route(contract.listCourses, async ({ query }, ctx) => {
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
  });

  p.route(contract.getCourse, async ({ params }, ctx) => {
    const course = await findCourse(ctx.db, params.courseId, ctx.regionId);
    const privileged = mayReview(ctx, course) || (await isOwner(ctx, course));
    if (course.publishedAt === null && !privileged) {
      throw CourseNotFound({ detail: `Course ${course.id} does not exist in region "${ctx.regionId}".` });
    }
    return { status: 200, body: await courseView(ctx.db, course, privileged) };
  });

  p.route(contract.getCourseVersion, async ({ params }, ctx) => {
    const course = await findCourse(ctx.db, params.courseId, ctx.regionId);
    if (!mayReview(ctx, course) && !(await isOwner(ctx, course))) {
      throw CourseNotFound({ detail: `Course ${course.id} does not exist in region "${ctx.regionId}".` });
    }
    const row = await versionRow(ctx.db, course.id, params.version);
    if (!row) throw CourseNotFound({ detail: `Course ${course.id} has no version ${params.version}.` });
    return { status: 200, body: await versionView(ctx.db, row) };
  });

  p.route(contract.replaceCourseContent, async ({ params, body }, ctx) => {
    const { teacher, course } = await ownCourse(ctx, params.courseId);
    if (course.retiredAt) throw WrongCourseState({ detail: `Course ${course.id} is retired.` });
    const open = await openVersionRow(ctx.db, course.id);
    const version = open?.version ?? (await nextVersionNumber(ctx.db, course.id));
    await writeContent(ctx, teacher, course.id, version, 'draft', body);
    return { status: 200, body: await courseView(ctx.db, course, true) };
  });

  p.route(contract.submitCourse, async ({ params }, ctx) => {
    const { course } = await ownCourse(ctx, params.courseId);
    const open = await requireOpen(ctx, course, 'draft');
    await setVersionStatus(ctx, course.id, open.version, 'submitted');
    return { status: 200, body: await courseView(ctx.db, course, true) };
  });

  p.route(contract.reviewCourse, async ({ params, body }, ctx) => {
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
  });

  p.route(contract.publishCourse, async ({ params }, ctx) => {
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
  });

  p.route(contract.retireCourse, async ({ params }, ctx) => {
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

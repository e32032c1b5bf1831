import type { Static } from '@sinclair/typebox';
import type { Ctx } from '../context.js';
import { CourseNotFound, WrongCourseState } from '../errors.js';
import { CoursePublished } from '../events.js';
import { invalidField } from '../field-error.js';
import { approvedTeacher, teacherOfPerson } from '../shared/teachers.js';
import type { CourseRow } from './schema.js';
import type { CourseContentBody, CourseListQuery, CreateCourseBody, ReviewCourseBody } from './schemas.js';
import {
  courseView,
  findCourse,
  insertCourse,
  markLive,
  markRetired,
  nextVersionNumber,
  openVersionRow,
  publishedCoursePage,
  setVersionStatus,
  versionRow,
  versionView,
  workingCoursePage,
  writeContent,
} from './store.js';

// Courses' rules: approved teachers edit drafts (with the media they uploaded, media/); reviewers review and publish;
// the live version never changes under learners. Each function runs in the request's transaction.

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

/** The course for reviewers of its region (locked). */
async function reviewedCourse(ctx: Ctx, courseId: string) {
  const course = await findCourse(ctx.db, courseId, ctx.regionId, true);
  ctx.require('courses.review', { regionId: course.regionId });
  return course;
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

/** A draft course of the caller, optionally for one of their institutions. */
export async function create(ctx: Ctx, body: CreateCourseBody) {
  const teacher = await approvedTeacher(ctx);
  const institutionId = body.institutionId ?? null;
  if (institutionId && !teacher.institutionIds.includes(institutionId)) {
    throw invalidField('/body/institutionId', 'teachersInstitution', 'Not one of your institutions.');
  }
  const { institutionId: _, ...content } = body;
  const course = await insertCourse(ctx.db, {
    regionId: ctx.regionId,
    teacherId: teacher.id,
    institutionId,
    createdAt: ctx.now(),
  });
  await writeContent(ctx, teacher, course.id, 1, 'draft', content);
  return courseView(ctx.db, course, true);
}

export async function list(ctx: Ctx, query: Static<typeof CourseListQuery>) {
  if (!query.mine && !query.openVersion) return publishedCoursePage(ctx.db, ctx.regionId, query);
  if (query.openVersion) ctx.require('courses.review', { regionId: ctx.regionId });
  let teacherId = query.teacherId;
  if (query.mine) {
    const teacher =
      ctx.principal.kind === 'person' ? await teacherOfPerson(ctx.db, ctx.principal.id, ctx.regionId) : null;
    if (!teacher || (teacherId && teacherId !== teacher.id)) return { items: [], nextCursor: null };
    teacherId = teacher.id;
  }
  return workingCoursePage(ctx.db, ctx.regionId, { ...query, teacherId });
}

/** Published courses to anyone signed in; drafts to their teacher and reviewers. */
export async function get(ctx: Ctx, courseId: string) {
  const course = await findCourse(ctx.db, courseId, ctx.regionId);
  const privileged = mayReview(ctx, course) || (await isOwner(ctx, course));
  if (course.publishedAt === null && !privileged) {
    throw CourseNotFound({ detail: `Course ${course.id} does not exist in region "${ctx.regionId}".` });
  }
  return courseView(ctx.db, course, privileged);
}

export async function getVersion(ctx: Ctx, courseId: string, version: number) {
  const course = await findCourse(ctx.db, courseId, ctx.regionId);
  if (!mayReview(ctx, course) && !(await isOwner(ctx, course))) {
    throw CourseNotFound({ detail: `Course ${course.id} does not exist in region "${ctx.regionId}".` });
  }
  const row = await versionRow(ctx.db, course.id, version);
  if (!row) throw CourseNotFound({ detail: `Course ${course.id} has no version ${version}.` });
  return versionView(ctx.db, row);
}

/** Replaces the open version's content (a new version on a published course with none open). */
export async function replaceContent(ctx: Ctx, courseId: string, body: CourseContentBody) {
  const { teacher, course } = await ownCourse(ctx, courseId);
  if (course.retiredAt) throw WrongCourseState({ detail: `Course ${course.id} is retired.` });
  const open = await openVersionRow(ctx.db, course.id);
  const version = open?.version ?? (await nextVersionNumber(ctx.db, course.id));
  await writeContent(ctx, teacher, course.id, version, 'draft', body);
  return courseView(ctx.db, course, true);
}

export async function submit(ctx: Ctx, courseId: string) {
  const { course } = await ownCourse(ctx, courseId);
  const open = await requireOpen(ctx, course, 'draft');
  await setVersionStatus(ctx.db, course.id, open.version, 'submitted', ctx.now());
  return courseView(ctx.db, course, true);
}

export async function review(ctx: Ctx, courseId: string, body: Static<typeof ReviewCourseBody>) {
  const course = await reviewedCourse(ctx, courseId);
  const open = await requireOpen(ctx, course, 'submitted');
  const status = body.decision === 'approve' ? 'reviewed' : 'draft';
  await setVersionStatus(ctx.db, course.id, open.version, status, ctx.now(), body.note ?? null);
  return courseView(ctx.db, course, true);
}

/** The reviewed version goes live; the previous live version is superseded; CoursePublished is emitted. */
export async function publish(ctx: Ctx, courseId: string) {
  const course = await reviewedCourse(ctx, courseId);
  const open = await requireOpen(ctx, course, 'reviewed');
  const now = ctx.now();
  if (course.liveVersion !== null) await setVersionStatus(ctx.db, course.id, course.liveVersion, 'superseded', now);
  await setVersionStatus(ctx.db, course.id, open.version, 'published', now);
  const published = await markLive(ctx.db, course.id, open.version, course.publishedAt ?? now);
  await ctx.emit(
    CoursePublished,
    { courseId: course.id, teacherId: course.teacherId, regionId: course.regionId, version: open.version },
    { key: course.teacherId },
  );
  return courseView(ctx.db, published, true);
}

/** No new enrolments after this; enrolled learners keep their access. */
export async function retire(ctx: Ctx, courseId: string) {
  const course = await findCourse(ctx.db, courseId, ctx.regionId, true);
  if (!mayReview(ctx, course) && !(await isOwner(ctx, course))) {
    throw CourseNotFound({ detail: `Course ${course.id} does not exist in region "${ctx.regionId}".` });
  }
  if (course.liveVersion === null || course.retiredAt) {
    throw WrongCourseState({ detail: `Only a published course can be retired.` });
  }
  return courseView(ctx.db, await markRetired(ctx.db, course.id, ctx.now()), true);
}

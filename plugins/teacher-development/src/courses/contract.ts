import { defineContract } from '@lifelong/core/contract';
import { CourseParams } from '../common-schemas.js';
import { NotAnApprovedTeacher, PeopleOnly, WrongCourseState } from '../errors.js';
import {
  Course,
  CourseContentBody,
  CourseListQuery,
  CoursePage,
  CourseVersion,
  CourseVersionParams,
  CreateCourseBody,
  ReviewCourseBody,
} from './schemas.js';

export const createCourse = defineContract({
  operationId: 'courses.create',
  method: 'post',
  path: '/courses',
  summary: 'Create a course as a draft (approved teachers)',
  description:
    'Only approved teachers of the region (403 otherwise). Version 1 starts as a draft; `institutionId`, ' +
    "if given, must be one of the teacher's institutions and shares the revenue. Lessons may use only " +
    "media the teacher uploaded, and at most the region's `courses.maxLessons` (400 otherwise).",
  errors: [PeopleOnly, NotAnApprovedTeacher],
  access: { authenticated: 'approved teachers of the region' },
  request: { body: CreateCourseBody },
  responses: { 201: { description: 'The draft course', schema: Course } },
});

export const listCourses = defineContract({
  operationId: 'courses.list',
  method: 'get',
  path: '/courses',
  summary: "The region's published courses, oldest first; a teacher's own; the review queue",
  description:
    'Anyone signed in sees the published courses that are not retired, with their live version; filter by ' +
    "`?teacherId=`. `?mine=true`: the caller's own courses as a teacher, in any state, with the open version " +
    '(an empty page for a caller who is not a teacher here). `?openVersion=submitted` (or draft, reviewed): ' +
    'courses whose open version is in that state, with it — the review queue, for holders of `courses.review` ' +
    'in the region (403 otherwise). `mine` and `openVersion` combine. Paginated with `?limit=&cursor=`.',
  access: { authenticated: 'any signed-in principal; `openVersion` needs courses.review in the region' },
  request: { query: CourseListQuery },
  responses: { 200: { description: 'A page of courses', schema: CoursePage } },
});

export const getCourse = defineContract({
  operationId: 'courses.get',
  method: 'get',
  path: '/courses/{courseId}',
  summary: 'A course: published ones to anyone signed in; drafts to their teacher and reviewers',
  description:
    'Published courses (retired ones included) are visible to anyone signed in; unpublished ones only to ' +
    'their teacher and holders of `courses.review` in the region, who also see the open version. Others, ' +
    'and courses of other regions, get 404.',
  access: { authenticated: 'anyone signed in for published courses; the teacher and reviewers otherwise' },
  request: { params: CourseParams },
  responses: { 200: { description: 'The course', schema: Course } },
});

export const getCourseVersion = defineContract({
  operationId: 'courses.versions.get',
  method: 'get',
  path: '/courses/{courseId}/versions/{version}',
  summary: 'One version of a course (its teacher and reviewers)',
  description:
    "Only the course's teacher and holders of `courses.review` in the region; anyone else gets 404, as " +
    'does a version the course does not have.',
  access: { authenticated: 'the course’s teacher and reviewers' },
  request: { params: CourseVersionParams },
  responses: { 200: { description: 'The version', schema: CourseVersion } },
});

export const replaceCourseContent = defineContract({
  operationId: 'courses.content.replace',
  method: 'put',
  path: '/courses/{courseId}/content',
  summary: 'Replace the content of the open version; on a published course with none open, this starts a new version',
  description:
    'Editing a submitted or reviewed version returns it to draft: it must be reviewed again. The live version never changes.',
  access: { authenticated: 'the course’s teacher' },
  request: { params: CourseParams, body: CourseContentBody },
  responses: { 200: { description: 'The course with its open version', schema: Course } },
  errors: [WrongCourseState],
});

export const submitCourse = defineContract({
  operationId: 'courses.submit',
  method: 'post',
  path: '/courses/{courseId}/submit',
  summary: 'Submit the draft version for review (the course’s teacher)',
  description:
    "Only the course's approved teacher (other teachers get 404). The course must have an open draft " +
    'version and not be retired, else 409 `TEACHER_DEVELOPMENT_WRONG_COURSE_STATE`.',
  access: { authenticated: 'the course’s teacher' },
  request: { params: CourseParams },
  responses: { 200: { description: 'The course', schema: Course } },
  errors: [WrongCourseState],
});

export const reviewCourse = defineContract({
  operationId: 'courses.review',
  method: 'post',
  path: '/courses/{courseId}/review',
  summary: 'Approve a submitted version (it becomes reviewed) or send it back to draft with a note',
  description:
    "Needs `courses.review` in the course's region. The course must have a submitted version (409 " +
    '`TEACHER_DEVELOPMENT_WRONG_COURSE_STATE` otherwise); sending it back returns it to draft with the ' +
    '`note`.',
  access: { permission: 'courses.review' },
  request: { params: CourseParams, body: ReviewCourseBody },
  responses: { 200: { description: 'The course', schema: Course } },
  errors: [WrongCourseState],
});

export const publishCourse = defineContract({
  operationId: 'courses.publish',
  method: 'post',
  path: '/courses/{courseId}/publish',
  summary: 'Publish the reviewed version: it becomes the live one and the previous live version is superseded',
  description:
    "Needs `courses.review` in the course's region; the course must have a reviewed version (409 " +
    '`TEACHER_DEVELOPMENT_WRONG_COURSE_STATE` otherwise). Existing enrolments keep the version they ' +
    'started with; the free week counts from the first publication only. Emits ' +
    '`teacher-development.course.published`.',
  access: { permission: 'courses.review' },
  request: { params: CourseParams },
  responses: { 200: { description: 'The published course', schema: Course } },
  errors: [WrongCourseState],
});

export const retireCourse = defineContract({
  operationId: 'courses.retire',
  method: 'post',
  path: '/courses/{courseId}/retire',
  summary: 'Retire a published course: no new enrolments; enrolled learners keep their access',
  description:
    "The course's teacher or a holder of `courses.review` in the region; others get 404. Only a published " +
    'course that is not retired yet can be retired (409 `TEACHER_DEVELOPMENT_WRONG_COURSE_STATE`). It ' +
    'leaves `GET /courses` but stays readable.',
  access: { authenticated: 'the course’s teacher and reviewers' },
  request: { params: CourseParams },
  responses: { 200: { description: 'The retired course', schema: Course } },
  errors: [WrongCourseState],
});

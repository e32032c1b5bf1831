import { defineContract } from '@lifelong/core/contract';
import { CourseParams, MediaFile } from '../common-schemas.js';
import { MediaMismatch, WrongCourseState } from '../errors.js';
import { MEDIA_MAX_BYTES, MEDIA_TYPES } from './config.js';
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

export const uploadMedia = defineContract({
  operationId: 'media.upload',
  method: 'post',
  path: '/media',
  summary: 'Upload a lesson media file (approved teachers); the bytes must be of the declared type',
  access: { authenticated: 'approved teachers of the region' },
  request: { upload: { contentTypes: MEDIA_TYPES, maxBytes: MEDIA_MAX_BYTES } },
  responses: { 201: { description: 'Stored, by content hash', schema: MediaFile } },
  errors: [MediaMismatch],
});

export const createCourse = defineContract({
  operationId: 'courses.create',
  method: 'post',
  path: '/courses',
  summary: 'Create a course as a draft (approved teachers)',
  access: { authenticated: 'approved teachers of the region' },
  request: { body: CreateCourseBody },
  responses: { 201: { description: 'The draft course', schema: Course } },
});

export const listCourses = defineContract({
  operationId: 'courses.list',
  method: 'get',
  path: '/courses',
  summary: "The region's published courses, oldest first",
  access: { authenticated: 'any signed-in principal' },
  request: { query: CourseListQuery },
  responses: { 200: { description: 'A page of courses', schema: CoursePage } },
});

export const getCourse = defineContract({
  operationId: 'courses.get',
  method: 'get',
  path: '/courses/{courseId}',
  summary: 'A course: published ones to anyone signed in; drafts to their teacher and reviewers',
  access: { authenticated: 'anyone signed in for published courses; the teacher and reviewers otherwise' },
  request: { params: CourseParams },
  responses: { 200: { description: 'The course', schema: Course } },
});

export const getCourseVersion = defineContract({
  operationId: 'courses.versions.get',
  method: 'get',
  path: '/courses/{courseId}/versions/{version}',
  summary: 'One version of a course (its teacher and reviewers)',
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
  access: { authenticated: 'the course’s teacher and reviewers' },
  request: { params: CourseParams },
  responses: { 200: { description: 'The retired course', schema: Course } },
  errors: [WrongCourseState],
});

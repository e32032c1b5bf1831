import { defineContract } from '@lifelong/core/contract';
import { MediaFile } from '../common-schemas.js';
import { MediaMismatch, NotAnApprovedTeacher, PeopleOnly } from '../errors.js';
import { MEDIA_MAX_BYTES, MEDIA_TYPES } from './config.js';
import { MediaInstitutionQuotaExceeded, MediaTeacherQuotaExceeded } from './errors.js';
import { CourseMediaParams, MediaUploadQuery } from './schemas.js';

export const uploadMedia = defineContract({
  operationId: 'media.upload',
  method: 'post',
  path: '/media',
  summary: 'Upload a lesson media file (approved teachers); the bytes must be of the declared type',
  description:
    'Only approved teachers of the region (403 `TEACHER_DEVELOPMENT_NOT_AN_APPROVED_TEACHER` otherwise). ' +
    'The raw body is one file of at most 200 MiB (`video/mp4`, `video/webm`, `audio/mpeg`, ' +
    '`application/pdf`, `image/png` or `image/jpeg`), streamed to the file store; its bytes are sniffed and ' +
    'must match the declared `Content-Type` (415 `TEACHER_DEVELOPMENT_MEDIA_TYPE_MISMATCH`). It counts against ' +
    "the teacher's `media.teacherQuotaBytes` and, with `?institutionId=` (one of the teacher's institutions, " +
    "400 otherwise), the institution's `media.institutionQuotaBytes` (413 " +
    '`TEACHER_DEVELOPMENT_MEDIA_TEACHER_QUOTA_EXCEEDED` / `..._INSTITUTION_QUOTA_EXCEEDED`, with `quotaBytes` ' +
    'and `usedBytes`). Lessons then refer to the file by its `sha256`; a file no lesson uses is removed ' +
    '`media.unattachedHours` after its upload.',
  access: { authenticated: 'approved teachers of the region' },
  request: {
    query: MediaUploadQuery,
    upload: { contentTypes: MEDIA_TYPES, maxBytes: MEDIA_MAX_BYTES, stream: true },
  },
  responses: { 201: { description: 'Stored, by content hash', schema: MediaFile } },
  errors: [PeopleOnly, NotAnApprovedTeacher, MediaMismatch, MediaTeacherQuotaExceeded, MediaInstitutionQuotaExceeded],
});

export const getCourseMedia = defineContract({
  operationId: 'courses.media.get',
  method: 'get',
  path: '/courses/{courseId}/media/{sha256}',
  summary: "Open one of a course's lesson media files (enrolled learners and the course's staff)",
  description:
    "Learners enrolled in the course get the media of the version they are enrolled in; the course's staff " +
    "(its teacher, holders of `courses.review` in the course's region or for the course's institution) get " +
    "the media of any version. Anyone else, a course of another region and a file the course's lessons do " +
    'not use get 404 `TEACHER_DEVELOPMENT_COURSE_NOT_FOUND`. Served inline with its sniffed type, `nosniff` ' +
    "and a sandboxing CSP (`media-src 'self'`); supports `Range` (206, 416) for players and `If-None-Match` " +
    'with the `ETag` (the file hash, 304).',
  access: { authenticated: "learners enrolled in the course and the course's staff" },
  request: { params: CourseMediaParams },
  responses: {
    200: { description: 'The file', file: { contentTypes: MEDIA_TYPES } },
    206: { description: 'The requested byte range of the file', file: { contentTypes: MEDIA_TYPES } },
    304: { description: 'Not modified: the `If-None-Match` tag is the file’s' },
  },
});

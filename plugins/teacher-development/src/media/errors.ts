import { defineError } from '@lifelong/core/contract';

/** 413: the teacher's media would exceed their region's `media.teacherQuotaBytes`. */
export const MediaTeacherQuotaExceeded = defineError(
  'TEACHER_DEVELOPMENT_MEDIA_TEACHER_QUOTA_EXCEEDED',
  413,
  "The file would exceed the teacher's media quota",
);

/** 413: the institution's media would exceed the region's `media.institutionQuotaBytes`. */
export const MediaInstitutionQuotaExceeded = defineError(
  'TEACHER_DEVELOPMENT_MEDIA_INSTITUTION_QUOTA_EXCEEDED',
  413,
  "The file would exceed the institution's media quota",
);

import { Type } from '@sinclair/typebox';

/** Per-region configuration of the courses feature (defaults apply when a region sets nothing). */
export const CoursesConfig = Type.Object(
  {
    maxLessons: Type.Integer({ minimum: 1, maximum: 500, default: 100, description: 'Most lessons in one course.' }),
  },
  { default: {} },
);

/**
 * The media upload limit. Upload limits are fixed when routes are declared (before any region is
 * known), so this is the platform-wide ceiling rather than a per-region setting.
 */
export const MEDIA_MAX_BYTES = 200 * 1024 * 1024;

/** What a lesson's media may be. The sniffed type of the bytes must equal the declared one. */
export const MEDIA_TYPES = ['video/mp4', 'video/webm', 'audio/mpeg', 'application/pdf', 'image/png', 'image/jpeg'];

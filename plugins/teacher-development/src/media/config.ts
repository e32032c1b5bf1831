import { Type } from '@sinclair/typebox';

/** Per-region configuration of lesson media: quotas and how long an unused upload is kept. */
export const MediaConfig = Type.Object(
  {
    teacherQuotaBytes: Type.Integer({
      minimum: 0,
      default: 5 * 1024 ** 3,
      description: 'Most bytes of media one teacher may keep (every file they uploaded and still hold).',
    }),
    institutionQuotaBytes: Type.Integer({
      minimum: 0,
      default: 50 * 1024 ** 3,
      description:
        'Most bytes of media uploaded for one institution (`?institutionId=` on upload) by all its teachers.',
    }),
    unattachedHours: Type.Integer({
      minimum: 1,
      maximum: 24 * 365,
      default: 24 * 7,
      description: "Media no lesson of the teacher's courses uses is removed this many hours after its upload.",
    }),
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

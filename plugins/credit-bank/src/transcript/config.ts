import { Type } from '@sinclair/typebox';

/** Per-region configuration of transcripts (defaults apply when a region sets nothing). */
export const TranscriptConfig = Type.Object(
  {
    maxShareDays: Type.Integer({
      minimum: 1,
      maximum: 3650,
      default: 365,
      description: 'Longest a share link may live, in days.',
    }),
  },
  { default: {} },
);

import { Type } from '@sinclair/typebox';

/** Per-region configuration of the recommendations feature (defaults apply when a region sets nothing). */
export const RecommendationsConfig = Type.Object(
  {
    topShareBps: Type.Integer({
      minimum: 1,
      maximum: 10_000,
      default: 2000,
      description:
        'Share of the quality database proposed for an event, in basis points (rounded up to whole teachers).',
    }),
  },
  { default: {} },
);

import { Type } from '@sinclair/typebox';

/** Per-region configuration of the recommendations feature (defaults apply when a region sets nothing). */
export const RecommendationsConfig = Type.Object({}, { default: {} });

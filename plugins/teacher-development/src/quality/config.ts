import { Type } from '@sinclair/typebox';

/** Per-region configuration of the quality feature (defaults apply when a region sets nothing). */
export const QualityConfig = Type.Object({}, { default: {} });

import { Type } from '@sinclair/typebox';

/** Per-region configuration of the learning feature (defaults apply when a region sets nothing). */
export const LearningConfig = Type.Object({}, { default: {} });

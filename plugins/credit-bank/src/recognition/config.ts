import { Type } from '@sinclair/typebox';

/** Per-region configuration of the recognition feature (defaults apply when a region sets nothing). */
export const RecognitionConfig = Type.Object({}, { default: {} });

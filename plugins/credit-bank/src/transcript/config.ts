import { Type } from '@sinclair/typebox';

/** Per-region configuration of the transcript feature (defaults apply when a region sets nothing). */
export const TranscriptConfig = Type.Object({}, { default: {} });

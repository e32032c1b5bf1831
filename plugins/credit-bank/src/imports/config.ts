import { Type } from '@sinclair/typebox';

/** Per-region configuration of the imports feature (defaults apply when a region sets nothing). */
export const ImportsConfig = Type.Object({}, { default: {} });

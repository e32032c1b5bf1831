import { Type } from '@sinclair/typebox';

/** Per-region configuration of the textbooks feature (defaults apply when a region sets nothing). */
export const TextbooksConfig = Type.Object({}, { default: {} });

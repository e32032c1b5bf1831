import { Type } from '@sinclair/typebox';

/** Per-region configuration of the teachers feature (defaults apply when a region sets nothing). */
export const TeachersConfig = Type.Object({}, { default: {} });

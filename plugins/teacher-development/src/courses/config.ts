import { Type } from '@sinclair/typebox';

/** Per-region configuration of the courses feature (defaults apply when a region sets nothing). */
export const CoursesConfig = Type.Object({}, { default: {} });

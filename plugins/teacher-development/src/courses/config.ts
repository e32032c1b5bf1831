import { Type } from '@sinclair/typebox';

/** Per-region configuration of the courses feature (defaults apply when a region sets nothing). */
export const CoursesConfig = Type.Object(
  {
    maxLessons: Type.Integer({ minimum: 1, maximum: 500, default: 100, description: 'Most lessons in one course.' }),
  },
  { default: {} },
);

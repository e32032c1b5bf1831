import { Type } from '@sinclair/typebox';

/** Per-region configuration of the teachers feature (defaults apply when a region sets nothing). */
export const TeachersConfig = Type.Object(
  {
    maxSubjects: Type.Integer({ minimum: 1, maximum: 50, default: 10, description: 'Most subjects a profile lists.' }),
  },
  { default: {} },
);

import { Page, PageQuery } from '@lifelong/core/schemas';
import { type Static, Type } from '@sinclair/typebox';
import { Id, Note, NullableTimestamp, Timestamp } from '../common-schemas.js';

export const TeacherStatus = Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected')]);

export const ApplyAsTeacherBody = Type.Object(
  {
    subjects: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: 1, maxItems: 50 }),
    institutionIds: Type.Array(Type.String({ format: 'uuid' }), {
      maxItems: 20,
      uniqueItems: true,
      description:
        "Institutions of the request's region the teacher teaches for; their admins may decide the application.",
    }),
    bio: Type.String({ minLength: 1, maxLength: 4000 }),
  },
  { additionalProperties: false },
);
export type ApplyAsTeacherBody = Static<typeof ApplyAsTeacherBody>;

export const TeacherDecisionBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]),
    note: Type.Optional(Note),
  },
  { additionalProperties: false },
);
export type TeacherDecisionBody = Static<typeof TeacherDecisionBody>;

export const Teacher = Type.Object({
  id: Id,
  regionId: Type.String(),
  personId: Id,
  displayName: Type.Union([Type.String(), Type.Null()], {
    description: 'The name the teacher chose to be shown by (null until they choose one, never the legal name).',
  }),
  legalName: Type.Optional(
    Type.String({ description: "The teacher's legal name: only to callers who may read people in the region." }),
  ),
  subjects: Type.Array(Type.String()),
  institutionIds: Type.Array(Id),
  bio: Type.String(),
  status: TeacherStatus,
  decidedAt: NullableTimestamp,
  decisionNote: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
});
export type Teacher = Static<typeof Teacher>;

export const TeacherParams = Type.Object({ teacherId: Id });
export const TeacherListQuery = Type.Object(
  { ...PageQuery.properties, status: Type.Optional(TeacherStatus) },
  { additionalProperties: false },
);
export type TeacherListQuery = Static<typeof TeacherListQuery>;
export const TeacherPage = Page(Teacher);

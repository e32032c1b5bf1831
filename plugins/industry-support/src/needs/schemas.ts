import { Page, PageQuery } from '@lifelong/core/schemas';
import { type Static, Type } from '@sinclair/typebox';
import { Id, Label, NullableTimestamp, Timestamp } from '../shared/common-schemas.js';

export const NeedStatus = Type.Union([Type.Literal('draft'), Type.Literal('open'), Type.Literal('closed')]);

export const NeedSkillInput = Type.Object(
  {
    skillId: Id,
    essential: Type.Boolean({ description: 'Essential (weight 1) or optional (weight 0.5).' }),
    requiredLevel: Type.Integer({ minimum: 1, maximum: 7, description: 'The level needed, 1–7 (O*NET scale).' }),
    importance: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 5,
        default: 3,
        description: 'Importance, 1–5 (O*NET scale); 3 when omitted.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const NeedBody = Type.Object(
  {
    title: Label,
    occupationId: Type.Optional(Id),
    skills: Type.Array(NeedSkillInput, { minItems: 1, maxItems: 200 }),
    headcount: Type.Integer({ minimum: 1, maximum: 100_000 }),
    deadline: Type.Optional(Type.String({ format: 'date' })),
  },
  { additionalProperties: false },
);
export type NeedBody = Static<typeof NeedBody>;

export const NeedSkillView = Type.Object({
  skillId: Id,
  label: Type.String(),
  essential: Type.Boolean(),
  requiredLevel: Type.Integer(),
  importance: Type.Integer(),
});

export const Need = Type.Object({
  id: Id,
  regionId: Type.String(),
  institutionId: Id,
  title: Type.String(),
  occupationId: Type.Union([Id, Type.Null()]),
  skills: Type.Array(NeedSkillView),
  headcount: Type.Integer(),
  deadline: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  status: NeedStatus,
  version: Type.Integer({ description: 'Starts at 1; each edit adds one.' }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  publishedAt: NullableTimestamp,
});
export type Need = Static<typeof Need>;
export const NeedPage = Page(Need);
export const NeedListQuery = Type.Object(
  { ...PageQuery.properties, status: Type.Optional(NeedStatus) },
  { additionalProperties: false },
);
export type NeedListQuery = Static<typeof NeedListQuery>;
export { NeedParams } from '../shared/need-params.js';
export const NeedVersionParams = Type.Object({ needId: Id, version: Type.Integer({ minimum: 1 }) });
export const NeedVersion = Type.Object({ needId: Id, version: Type.Integer(), createdAt: Timestamp, need: Need });

import { Page, PageQuery } from '@lifelong/core/schemas';
import { type Static, Type } from '@sinclair/typebox';
import { Level, Stage } from '../vocabulary.js';

const Id = Type.String({ format: 'uuid' });
const Timestamp = Type.String({ format: 'date-time' });

export const ProviderCapability = Type.Union([Type.Literal('award'), Type.Literal('verify')], {
  description: 'award: issue records and certificates; verify: review certificates.',
});

const AccreditationFields = {
  capabilities: Type.Array(ProviderCapability, { minItems: 1, maxItems: 2, uniqueItems: true }),
  stages: Type.Optional(
    Type.Array(Stage, { maxItems: 10, uniqueItems: true, description: 'Empty or absent: any stage.' }),
  ),
  levels: Type.Optional(
    Type.Array(Level, { maxItems: 9, uniqueItems: true, description: 'Empty or absent: any level.' }),
  ),
  validFrom: Timestamp,
  validTo: Type.Optional(Type.Union([Timestamp, Type.Null()], { description: 'Absent or null: open-ended.' })),
};

export const CreateProviderBody = Type.Object(
  { institutionId: Id, ...AccreditationFields },
  { additionalProperties: false },
);
export type CreateProviderBody = Static<typeof CreateProviderBody>;

export const UpdateProviderBody = Type.Object(
  {
    capabilities: Type.Optional(AccreditationFields.capabilities),
    stages: AccreditationFields.stages,
    levels: AccreditationFields.levels,
    validFrom: Type.Optional(Timestamp),
    validTo: AccreditationFields.validTo,
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateProviderBody = Static<typeof UpdateProviderBody>;

export const Provider = Type.Object({
  id: Id,
  institutionId: Id,
  regionId: Type.String(),
  capabilities: Type.Array(ProviderCapability),
  stages: Type.Array(Stage),
  levels: Type.Array(Level),
  validFrom: Timestamp,
  validTo: Type.Union([Timestamp, Type.Null()]),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Provider = Static<typeof Provider>;

export const ProviderPage = Page(Provider);
export const ProviderListQuery = Type.Object(
  { ...PageQuery.properties, institutionId: Type.Optional(Id) },
  { additionalProperties: false },
);
export const ProviderParams = Type.Object({ providerId: Id });

import { Page, PageQuery } from '@lifelong/core/schemas';
import { type Static, Type } from '@sinclair/typebox';
import { Description, Id, Label, NullableTimestamp, Timestamp } from '../shared/common-schemas.js';

const Slug = Type.String({ minLength: 1, maxLength: 60, pattern: '^[a-z0-9][a-z0-9._-]*$' });

export const TaxonomyFormat = Type.Union([Type.Literal('esco-csv'), Type.Literal('onet'), Type.Literal('case')]);

export const CreateTaxonomyBody = Type.Object(
  {
    code: Slug,
    version: Type.String({ minLength: 1, maxLength: 60, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' }),
    name: Label,
    format: TaxonomyFormat,
    source: Type.String({ minLength: 1, maxLength: 2000, description: 'Where the files come from (a URL).' }),
    licence: Type.String({ minLength: 1, maxLength: 200, description: 'e.g. `CC BY 4.0`, `EUPL-1.2`.' }),
  },
  { additionalProperties: false },
);
export type CreateTaxonomyBody = Static<typeof CreateTaxonomyBody>;

export const Taxonomy = Type.Object({
  id: Id,
  regionId: Type.String(),
  code: Type.String(),
  version: Type.String(),
  name: Type.String(),
  format: Type.Union([TaxonomyFormat, Type.Literal('local')]),
  source: Type.String(),
  licence: Type.String(),
  createdAt: Timestamp,
  importedAt: NullableTimestamp,
});
export const TaxonomyPage = Page(Taxonomy);
export const TaxonomyParams = Type.Object({ taxonomyId: Id });

export const FileKind = Type.Union(
  [
    Type.Literal('esco-occupations'),
    Type.Literal('esco-skills'),
    Type.Literal('esco-skill-groups'),
    Type.Literal('esco-occupation-skills'),
    Type.Literal('esco-skill-hierarchy'),
    Type.Literal('onet-occupations'),
    Type.Literal('onet-skills'),
    Type.Literal('case'),
  ],
  { description: 'Which file of the taxonomy the body is.' },
);
export const ImportParams = Type.Object({ taxonomyId: Id, file: FileKind });
export const ImportIdParams = Type.Object({ importId: Id });

export const Import = Type.Object({
  id: Id,
  taxonomyId: Id,
  file: Type.String(),
  sha256: Type.String(),
  size: Type.Integer(),
  status: Type.Union([
    Type.Literal('queued'),
    Type.Literal('running'),
    Type.Literal('completed'),
    Type.Literal('failed'),
  ]),
  rowsDone: Type.Integer({ description: 'Records read so far (the header not counted): the progress.' }),
  rowsFailed: Type.Integer(),
  errors: Type.Array(Type.Object({ row: Type.Integer(), message: Type.String() }), {
    description: 'The first 20 refused records.',
  }),
  createdAt: Timestamp,
  completedAt: NullableTimestamp,
});

export const Skill = Type.Object({
  id: Id,
  taxonomyId: Id,
  externalId: Type.String(),
  kind: Type.String(),
  uri: Type.Union([Type.String(), Type.Null()]),
  label: Type.String(),
  description: Type.String(),
  skillType: Type.Union([Type.String(), Type.Null()]),
});
export const SkillPage = Page(Skill);
export const Occupation = Type.Object({
  id: Id,
  taxonomyId: Id,
  externalId: Type.String(),
  uri: Type.Union([Type.String(), Type.Null()]),
  code: Type.Union([Type.String(), Type.Null()]),
  iscoCode: Type.Union([Type.String(), Type.Null()]),
  label: Type.String(),
  description: Type.String(),
});
export const OccupationPage = Page(Occupation);
export const SearchQuery = Type.Object(
  { ...PageQuery.properties, q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuery>;
export const OccupationParams = Type.Object({ occupationId: Id });
export const OccupationDetail = Type.Object({
  ...Occupation.properties,
  skills: Type.Array(
    Type.Object({
      skillId: Id,
      label: Type.String(),
      relation: Type.String({ description: '`essential`, `optional` (ESCO) or `rated` (O*NET).' }),
      importance: Type.Union([Type.Number(), Type.Null()], { description: 'O*NET importance, 1–5.' }),
      level: Type.Union([Type.Number(), Type.Null()], { description: 'O*NET level, 0–7.' }),
    }),
  ),
});

export const LocalSkillBody = Type.Object(
  { label: Label, description: Type.Optional(Description), skillType: Type.Optional(Type.String({ maxLength: 60 })) },
  { additionalProperties: false },
);
export type LocalSkillBody = Static<typeof LocalSkillBody>;
export const LocalOccupationBody = Type.Object(
  { label: Label, description: Type.Optional(Description), code: Type.Optional(Type.String({ maxLength: 60 })) },
  { additionalProperties: false },
);
export type LocalOccupationBody = Static<typeof LocalOccupationBody>;

export const CrosswalkBody = Type.Object(
  {
    fromSkillId: Id,
    toSkillId: Id,
    match: Type.Union([Type.Literal('exactMatch'), Type.Literal('closeMatch')]),
  },
  { additionalProperties: false },
);
export type CrosswalkBody = Static<typeof CrosswalkBody>;
export const Crosswalk = Type.Object({
  id: Id,
  regionId: Type.String(),
  fromSkillId: Id,
  toSkillId: Id,
  match: Type.String(),
  createdAt: Timestamp,
});

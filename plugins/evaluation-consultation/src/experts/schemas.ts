import { Page, PageQuery } from '@lifelong/core/schemas';
import { type Static, Type } from '@sinclair/typebox';
import { EngagementParams, Id, Timestamp } from '../shared/common-schemas.js';

export { EngagementParams };

const Tag = Type.String({ minLength: 1, maxLength: 60, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' });
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const CreateExpertBody = Type.Object(
  {
    personId: Id,
    fields: Type.Array(Tag, { minItems: 1, maxItems: 30, uniqueItems: true, description: 'e.g. indicator codes' }),
    regions: Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 30, uniqueItems: true }),
    languages: Type.Array(Tag, { maxItems: 10, uniqueItems: true }),
    available: Type.Boolean(),
    affiliations: Type.Optional(
      Type.Array(Type.Object({ institutionId: Id, until: IsoDate }, { additionalProperties: false }), {
        maxItems: 50,
        description: 'Schools the expert worked for, and until when',
      }),
    ),
  },
  { additionalProperties: false },
);
export type CreateExpertBody = Static<typeof CreateExpertBody>;

/** How a person is named to the caller (`ctx.identity.names`). */
const Names = {
  displayName: Type.Union([Type.String(), Type.Null()], {
    description: 'The name the expert chose to be shown by (null until they choose one, never the legal name).',
  }),
  legalName: Type.Optional(
    Type.String({ description: "The expert's legal name: only to callers who may read people in the region." }),
  ),
};

export const Expert = Type.Object({
  id: Id,
  personId: Id,
  ...Names,
  fields: Type.Array(Type.String()),
  regions: Type.Array(Type.String()),
  languages: Type.Array(Type.String()),
  available: Type.Boolean(),
  affiliations: Type.Array(Type.Object({ institutionId: Id, until: Type.String() })),
  createdAt: Timestamp,
});
export const ExpertPage = Page(Expert);
export const ExpertListQuery = PageQuery;

export const RecommendationQuery = Type.Object(
  {
    needs: Type.Optional(
      Type.String({
        maxLength: 600,
        pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*(,[A-Za-z0-9][A-Za-z0-9._-]*)*$',
        description: 'Comma-separated fields (default: the indicators of the findings to improve)',
      }),
    ),
    language: Type.Optional(Tag),
  },
  { additionalProperties: false },
);
export const Recommendations = Type.Object({
  needs: Type.Array(Type.String()),
  items: Type.Array(
    Type.Object({ expertId: Id, personId: Id, ...Names, score: Type.Number(), reasons: Type.Array(Type.String()) }),
  ),
  excluded: Type.Array(Type.Object({ expertId: Id, reason: Type.String() })),
});

export const AssignExpertBody = Type.Object({ expertId: Id }, { additionalProperties: false });
export const EngagementExpertParams = Type.Object({ engagementId: Id, expertId: Id });
export const RatingBody = Type.Object(
  { score: Type.Integer({ minimum: 1, maximum: 5 }) },
  { additionalProperties: false },
);
export const Rating = Type.Object({ expertId: Id, score: Type.Integer(), ratedAt: Timestamp });
export const Assignment = Type.Object({ expertId: Id, personId: Id, addedAt: Timestamp });

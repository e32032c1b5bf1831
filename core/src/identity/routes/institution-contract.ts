import { Type } from '@sinclair/typebox';
import { defineContract } from '../../http/contract.js';
import { Page, PageQuery } from '../../http/page-schemas.js';
import { RegionId } from '../../regions/region-id.js';
import { HumanText } from '../../text/human-text.js';

export const Kind = Type.Union(
  (['school', 'university', 'training-provider', 'company', 'publisher', 'government'] as const).map((k) =>
    Type.Literal(k),
  ),
);

export const Accreditation = Type.Union((['pending', 'accredited', 'suspended'] as const).map((a) => Type.Literal(a)));

export const InstitutionView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  kind: Kind,
  regionId: Type.String(),
  accreditation: Accreditation,
  createdAt: Type.String({ format: 'date-time' }),
});

export const InstitutionParams = Type.Object({ institutionId: Type.String({ format: 'uuid' }) });

export const createInstitution = defineContract({
  operationId: 'institutions.create',
  method: 'post',
  path: '/v1/institutions',
  summary: 'Register an institution (school, university, training provider, company, publisher, government)',
  description:
    "Region admins of the institution's region, or platform admins. A new institution is `pending` until accredited.",
  access: { permission: 'institutions.manage' },
  request: {
    body: Type.Object(
      { name: HumanText({ minLength: 1, maxLength: 300 }), kind: Kind, regionId: RegionId },
      { additionalProperties: false },
    ),
  },
  responses: { 201: { description: 'Registered, accreditation pending', schema: InstitutionView } },
});

export const listInstitutions = defineContract({
  operationId: 'institutions.list',
  method: 'get',
  path: '/v1/institutions',
  summary: 'List institutions (public directory)',
  description: 'Anyone may read the directory, optionally filtered by region, kind or accreditation status.',
  access: { public: true },
  request: {
    query: Type.Composite(
      [
        PageQuery,
        Type.Object({
          regionId: Type.Optional(RegionId),
          kind: Type.Optional(Kind),
          accreditation: Type.Optional(Accreditation),
        }),
      ],
      { additionalProperties: false },
    ),
  },
  responses: { 200: { description: 'A page of institutions', schema: Page(InstitutionView) } },
});

export const getInstitution = defineContract({
  operationId: 'institutions.get',
  method: 'get',
  path: '/v1/institutions/{institutionId}',
  summary: 'Read an institution (public)',
  description: 'One institution of the public directory, with its accreditation status.',
  access: { public: true },
  request: { params: InstitutionParams },
  responses: { 200: { description: 'The institution', schema: InstitutionView } },
});

export const setAccreditation = defineContract({
  operationId: 'institutions.accreditation.set',
  method: 'put',
  path: '/v1/institutions/{institutionId}/accreditation',
  summary: "Set an institution's accreditation status",
  description:
    "Region admins of the institution's region. Only an accredited institution's keys may mint credits; the change applies to its keys at once on this instance.",
  access: { permission: 'institutions.manage' },
  request: {
    params: InstitutionParams,
    body: Type.Object({ status: Accreditation }, { additionalProperties: false }),
  },
  responses: { 200: { description: 'The institution', schema: InstitutionView } },
});

import { Type } from '@sinclair/typebox';
import { decodeCursor, isUuidKey, Page, PageQuery, toPage } from '../../http/pagination.js';
import { actorOf } from '../../http/request-context.js';
import { defineRoute } from '../../http/route.js';
import { RegionId } from '../../regions/region-id.js';
import { HumanText } from '../../text/human-text.js';
import type { IdentityContext } from '../context.js';
import {
  createInstitution,
  getInstitution,
  type InstitutionRow,
  listInstitutions,
  setAccreditation,
} from '../institutions-service.js';

const Kind = Type.Union(
  (['school', 'university', 'training-provider', 'company', 'publisher', 'government'] as const).map((k) =>
    Type.Literal(k),
  ),
);
const Accreditation = Type.Union((['pending', 'accredited', 'suspended'] as const).map((a) => Type.Literal(a)));

const InstitutionView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  kind: Kind,
  regionId: Type.String(),
  accreditation: Accreditation,
  createdAt: Type.String({ format: 'date-time' }),
});

const toView = (row: InstitutionRow) => ({ ...row, createdAt: row.createdAt.toISOString() });
const InstitutionParams = Type.Object({ institutionId: Type.String({ format: 'uuid' }) });

export function institutionRoutes(identity: () => IdentityContext) {
  return [
    defineRoute({
      method: 'post',
      path: '/institutions',
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
      handler: async ({ body }, c) => ({
        status: 201,
        body: toView(await createInstitution(identity().db, actorOf(c), body)),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/institutions',
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
      handler: async ({ query }) => {
        const limit = query.limit ?? 50;
        const after = query.cursor ? decodeCursor(query.cursor, isUuidKey).id : undefined;
        const rows = await listInstitutions(identity().db, query, { limit, after });
        return { status: 200, body: toPage(rows, limit, (r) => ({ id: r.id }), toView) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/institutions/{institutionId}',
      summary: 'Read an institution (public)',
      description: 'One institution of the public directory, with its accreditation status.',
      access: { public: true },
      request: { params: InstitutionParams },
      responses: { 200: { description: 'The institution', schema: InstitutionView } },
      handler: async ({ params }) => ({
        status: 200,
        body: toView(await getInstitution(identity().db, params.institutionId)),
      }),
    }),
    defineRoute({
      method: 'put',
      path: '/institutions/{institutionId}/accreditation',
      summary: "Set an institution's accreditation status",
      description:
        "Region admins of the institution's region. Only an accredited institution's keys may mint credits; the change applies to its keys at once on this instance.",
      access: { permission: 'institutions.manage' },
      request: {
        params: InstitutionParams,
        body: Type.Object({ status: Accreditation }, { additionalProperties: false }),
      },
      responses: { 200: { description: 'The institution', schema: InstitutionView } },
      handler: async ({ params, body }, c) => ({
        status: 200,
        body: toView(await setAccreditation(identity().db, actorOf(c), params.institutionId, body.status)),
      }),
    }),
  ];
}

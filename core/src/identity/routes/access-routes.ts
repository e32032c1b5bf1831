import { Type } from '@sinclair/typebox';
import { decodeCursor, isUuidKey, Page, PageQuery, toPage } from '../../http/pagination.js';
import { actorOf } from '../../http/request-context.js';
import { defineRoute } from '../../http/route.js';
import { RegionId } from '../../regions/region-id.js';
import { HumanText } from '../../text/human-text.js';
import { type ApiKeyRow, createApiKey, listApiKeys, revokeApiKey } from '../api-keys.js';
import { regionsWhereRole } from '../authorize.js';
import type { IdentityContext } from '../context.js';
import { GrantRefused, LastPlatformAdminKey, UnknownInstitution, UnknownRegion } from '../errors.js';
import { LearnerNumberParams } from '../people-schemas.js';
import { readPerson } from '../people-service.js';
import { ROLES } from '../roles.js';
import { grantRole, listGrants, type RoleGrantRow, revokeGrant } from '../roles-service.js';

const Role = Type.Union(ROLES.map((role) => Type.Literal(role)));
const Id = Type.String({ format: 'uuid' });

const GrantScope = Type.Union([
  Type.Object({ type: Type.Literal('platform') }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('region'), id: RegionId }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('institution'), id: Id }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('group'), id: Id }, { additionalProperties: false }),
]);

const GrantView = Type.Object({
  id: Id,
  role: Type.String(),
  scope: Type.Object({ type: Type.String(), id: Type.Optional(Type.String()) }),
  grantedBy: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});

const toGrantView = (g: RoleGrantRow) => ({
  id: g.id,
  role: g.role,
  scope: g.scopeId ? { type: g.scopeType, id: g.scopeId } : { type: g.scopeType },
  grantedBy: g.grantedBy,
  createdAt: g.createdAt.toISOString(),
});

const ApiKeyView = Type.Object({
  id: Id,
  name: Type.String(),
  keyPrefix: Type.String({ description: 'The first characters, to tell keys apart.' }),
  role: Type.String(),
  scope: Type.Object({ type: Type.String(), id: Type.Optional(Type.String()) }),
  institutionId: Type.Union([Id, Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

const toKeyView = (k: ApiKeyRow) => ({
  id: k.id,
  name: k.name,
  keyPrefix: k.keyPrefix,
  role: k.role,
  scope: k.scopeId ? { type: k.scopeType, id: k.scopeId } : { type: k.scopeType },
  institutionId: k.institutionId,
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  revokedAt: k.revokedAt?.toISOString() ?? null,
});

export function accessRoutes(identity: () => IdentityContext) {
  return [
    defineRoute({
      method: 'post',
      path: '/people/{learnerNumber}/roles',
      summary: 'Grant a role within a scope',
      description: 'Platform admins grant any role; region admins grant region roles within their own region.',
      access: { permission: 'roles.grant' },
      errors: [GrantRefused, UnknownRegion, UnknownInstitution],
      request: {
        params: LearnerNumberParams,
        body: Type.Object({ role: Role, scope: GrantScope }, { additionalProperties: false }),
      },
      responses: { 201: { description: 'Granted (or already held)', schema: GrantView } },
      handler: async ({ params, body }, c) => {
        const grant = await grantRole(identity(), actorOf(c), params.learnerNumber, body.role, body.scope);
        return { status: 201, body: toGrantView(grant) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/people/{learnerNumber}/roles',
      summary: "A person's active role grants",
      description: 'Each grant with its role, scope and who granted it.',
      access: { authenticated: 'the person, their guardians, or holders of people.read in their region' },
      request: { params: LearnerNumberParams },
      responses: { 200: { description: 'Active grants', schema: Type.Object({ items: Type.Array(GrantView) }) } },
      handler: async ({ params }, c) => {
        const ctx = identity();
        const person = await readPerson(ctx, actorOf(c), params.learnerNumber);
        return { status: 200, body: { items: (await listGrants(ctx, person.id)).map(toGrantView) } };
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/people/{learnerNumber}/roles/{grantId}',
      summary: 'Revoke a role grant',
      description:
        'Platform admins, or region admins for grants within their region. The grant stops working on the next request.',
      access: { permission: 'roles.grant' },
      request: { params: Type.Object({ learnerNumber: LearnerNumberParams.properties.learnerNumber, grantId: Id }) },
      responses: { 204: { description: 'Revoked' } },
      handler: async ({ params }, c) => {
        await revokeGrant(identity(), actorOf(c), params.learnerNumber, params.grantId);
        return { status: 204, body: undefined };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api-keys',
      summary: 'Create an API key for an institution, a region or the platform (shown once)',
      description:
        'Platform admins create any key; region admins create keys for their region and its institutions, with roles ' +
        'they could grant a person there. The key itself is in this response only: only its hash is stored.',
      access: { permission: 'api-keys.manage' },
      errors: [GrantRefused, UnknownInstitution],
      request: {
        body: Type.Object(
          {
            name: HumanText({ minLength: 1, maxLength: 200 }),
            role: Role,
            institutionId: Type.Optional(Id),
            regionId: Type.Optional(RegionId),
          },
          { additionalProperties: false },
        ),
      },
      responses: {
        201: {
          description: 'The key: store it now, it is never shown again',
          schema: Type.Composite([ApiKeyView, Type.Object({ key: Type.String() })]),
        },
      },
      handler: async ({ body }, c) => {
        const { key, row } = await createApiKey(identity().db, actorOf(c), body);
        return { status: 201, body: { ...toKeyView(row), key } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api-keys',
      summary: 'List API keys (never the keys themselves)',
      description:
        "Platform admins see every key; region admins their regions' keys and those of the regions' institutions; " +
        'a caller who may manage keys only within an institution sees none.',
      access: { permission: 'api-keys.manage' },
      request: { query: PageQuery },
      responses: { 200: { description: 'A page of keys, newest first', schema: Page(ApiKeyView) } },
      handler: async ({ query }, c) => {
        const limit = query.limit ?? 50;
        const before = query.cursor ? decodeCursor(query.cursor, isUuidKey).id : undefined;
        const regions = regionsWhereRole(c.get('principal'), 'region-admin');
        const rows = await listApiKeys(identity().db, regions, { limit, before });
        return { status: 200, body: toPage(rows, limit, (r) => ({ id: r.id }), toKeyView) };
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/api-keys/{keyId}',
      summary: 'Revoke an API key',
      description:
        'Takes effect at once on this instance and within 5 seconds on the others. The last active platform-admin key ' +
        'cannot be revoked (409): create another one first.',
      access: { permission: 'api-keys.manage' },
      errors: [LastPlatformAdminKey],
      request: { params: Type.Object({ keyId: Id }) },
      responses: { 204: { description: 'Revoked' } },
      handler: async ({ params }, c) => {
        await revokeApiKey(identity().db, actorOf(c), params.keyId);
        return { status: 204, body: undefined };
      },
    }),
  ];
}

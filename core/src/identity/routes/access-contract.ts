import { Type } from '@sinclair/typebox';
import { defineContract } from '../../http/contract.js';
import { Page, PageQuery } from '../../http/page-schemas.js';
import { RegionId } from '../../regions/region-id.js';
import { HumanText } from '../../text/human-text.js';
import { GrantRefused, LastPlatformAdminKey, UnknownInstitution, UnknownRegion } from '../errors.js';
import { LearnerNumberParams } from '../people-schemas.js';
import { ROLES } from '../roles.js';

export const Role = Type.Union(ROLES.map((role) => Type.Literal(role)));

export const Id = Type.String({ format: 'uuid' });

export const GrantScope = Type.Union([
  Type.Object({ type: Type.Literal('platform') }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('region'), id: RegionId }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('institution'), id: Id }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('group'), id: Id }, { additionalProperties: false }),
]);

export const GrantView = Type.Object({
  id: Id,
  role: Type.String(),
  scope: Type.Object({ type: Type.String(), id: Type.Optional(Type.String()) }),
  grantedBy: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});

export const ApiKeyView = Type.Object({
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

export const grantRole = defineContract({
  operationId: 'people.roles.grant',
  method: 'post',
  path: '/v1/people/{learnerNumber}/roles',
  summary: 'Grant a role within a scope',
  description: 'Platform admins grant any role; region admins grant region roles within their own region.',
  access: { permission: 'roles.grant' },
  errors: [GrantRefused, UnknownRegion, UnknownInstitution],
  request: {
    params: LearnerNumberParams,
    body: Type.Object({ role: Role, scope: GrantScope }, { additionalProperties: false }),
  },
  responses: { 201: { description: 'Granted (or already held)', schema: GrantView } },
});

export const listRoles = defineContract({
  operationId: 'people.roles.list',
  method: 'get',
  path: '/v1/people/{learnerNumber}/roles',
  summary: "A person's active role grants",
  description: 'Each grant with its role, scope and who granted it.',
  access: { authenticated: 'the person, their guardians, or holders of people.read in their region' },
  request: { params: LearnerNumberParams },
  responses: { 200: { description: 'Active grants', schema: Type.Object({ items: Type.Array(GrantView) }) } },
});

export const revokeRole = defineContract({
  operationId: 'people.roles.revoke',
  method: 'delete',
  path: '/v1/people/{learnerNumber}/roles/{grantId}',
  summary: 'Revoke a role grant',
  description:
    'Platform admins, or region admins for grants within their region. The grant stops working on the next request.',
  access: { permission: 'roles.grant' },
  request: { params: Type.Object({ learnerNumber: LearnerNumberParams.properties.learnerNumber, grantId: Id }) },
  responses: { 204: { description: 'Revoked' } },
});

export const createApiKey = defineContract({
  operationId: 'apiKeys.create',
  method: 'post',
  path: '/v1/api-keys',
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
});

export const listApiKeys = defineContract({
  operationId: 'apiKeys.list',
  method: 'get',
  path: '/v1/api-keys',
  summary: 'List API keys (never the keys themselves)',
  description:
    "Platform admins see every key; region admins their regions' keys and those of the regions' institutions; " +
    'a caller who may manage keys only within an institution sees none.',
  access: { permission: 'api-keys.manage' },
  request: { query: PageQuery },
  responses: { 200: { description: 'A page of keys, newest first', schema: Page(ApiKeyView) } },
});

export const revokeApiKey = defineContract({
  operationId: 'apiKeys.revoke',
  method: 'delete',
  path: '/v1/api-keys/{keyId}',
  summary: 'Revoke an API key',
  description:
    'Takes effect at once on this instance and within 5 seconds on the others. The last active platform-admin key ' +
    'cannot be revoked (409): create another one first.',
  access: { permission: 'api-keys.manage' },
  errors: [LastPlatformAdminKey],
  request: { params: Type.Object({ keyId: Id }) },
  responses: { 204: { description: 'Revoked' } },
});

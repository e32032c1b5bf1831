import { Type } from '@sinclair/typebox';
import { Forbidden, NotFound } from '../errors/core-errors.js';
import { defineContract } from '../http/contract.js';
import { RegionExists, UnknownRegion } from '../identity/errors.js';
import { HumanText } from '../text/human-text.js';
import { RegionId } from './region-id.js';

export const RegionView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  parentId: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  twoFactorRequired: Type.Boolean({
    description: 'People whose roles here can mint, verify people or administer sign in with a second factor.',
  }),
});

export const listRegions = defineContract({
  operationId: 'regions.list',
  method: 'get',
  path: '/v1/regions',
  summary: 'List regions',
  description: 'Public: every region with its parent, ordered by id.',
  access: { public: true },
  responses: { 200: { description: 'Every region', schema: Type.Object({ items: Type.Array(RegionView) }) } },
});

export const createRegion = defineContract({
  operationId: 'regions.create',
  method: 'post',
  path: '/v1/regions',
  summary: 'Create a region',
  description: 'Regions are platform-wide: only a platform-scoped grant of `regions.manage` may create one.',
  access: { permission: 'regions.manage', scope: 'platform' },
  errors: [RegionExists, UnknownRegion],
  request: {
    body: Type.Object(
      { id: RegionId, name: HumanText({ minLength: 1, maxLength: 200 }), parentId: Type.Optional(RegionId) },
      { additionalProperties: false },
    ),
  },
  responses: { 201: { description: 'Created', schema: RegionView } },
});

export const setTwoFactorPolicy = defineContract({
  operationId: 'regions.twoFactor.set',
  method: 'put',
  path: '/v1/regions/{regionId}/two-factor',
  summary: "Require two-factor sign-in of the region's privileged roles",
  description:
    'With `required: true`, people whose grants covering this region can mint, verify people or administer ' +
    '(platform grants cover every region) sign in with an authenticator code; those without one are told to enrol ' +
    '(403 `IDENTITY_TWO_FACTOR_ENROLMENT_REQUIRED`), and their open sessions end at the next refresh. Region admins ' +
    'of the region (`regions.security.manage`) and platform admins. Audited.',
  access: { permission: 'regions.security.manage' },
  errors: [Forbidden, NotFound],
  request: {
    params: Type.Object({ regionId: RegionId }, { additionalProperties: false }),
    body: Type.Object({ required: Type.Boolean() }, { additionalProperties: false }),
  },
  responses: { 200: { description: 'Set', schema: RegionView } },
});

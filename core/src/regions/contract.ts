import { Type } from '@sinclair/typebox';
import { defineContract } from '../http/contract.js';
import { RegionExists, UnknownRegion } from '../identity/errors.js';
import { HumanText } from '../text/human-text.js';
import { RegionId } from './region-id.js';

export const RegionView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  parentId: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
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

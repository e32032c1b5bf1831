import { defineContract } from '@lifelong/core/contract';
import { CodeTaken, IndicatorNotFound, PackNotFound } from '../errors.js';
import { Indicator } from '../shared/common-schemas.js';
import {
  AdoptPackBody,
  CreateIndicatorBody,
  IndicatorList,
  IndicatorParams,
  IndicatorVersions,
  PackList,
  PackParams,
  PackView,
} from './schemas.js';

export const listIndicators = defineContract({
  operationId: 'indicators.list',
  method: 'get',
  path: '/indicators',
  summary: "The region's indicator library: its chosen packs' indicators and its own, by code",
  description:
    "Every indicator of the request's region, newest version of each, with its formula (numerator and " +
    'denominator over data elements, factor), aggregation, period type, unit, minimum n, direction, level, ' +
    'standard (target, threshold, margin) and definition in words. Any signed-in principal.',
  access: { authenticated: 'any signed-in principal' },
  responses: { 200: { description: 'The library', schema: IndicatorList } },
});

export const createIndicator = defineContract({
  operationId: 'indicators.create',
  method: 'post',
  path: '/indicators',
  summary: "Define one of the region's own indicators (a new code is version 1; a known code gets the next version)",
  description:
    "Needs `quality-control.library.manage` in the request's region (region admins). Earlier versions stay " +
    'readable (`GET /indicators/{code}/versions`). A code of a first-party pack is refused (409 ' +
    '`QUALITY_CONTROL_CODE_TAKEN`).',
  access: { permission: 'library.manage' },
  request: { body: CreateIndicatorBody },
  responses: { 201: { description: 'The new version', schema: Indicator } },
  errors: [CodeTaken],
});

export const indicatorVersions = defineContract({
  operationId: 'indicators.versions',
  method: 'get',
  path: '/indicators/{code}/versions',
  summary: "Every version of one of the region's indicators, newest first",
  description: "Any signed-in principal. A pack indicator has its pack's version. Unknown codes: 404.",
  access: { authenticated: 'any signed-in principal' },
  request: { params: IndicatorParams },
  responses: { 200: { description: 'The versions', schema: IndicatorVersions } },
  errors: [IndicatorNotFound],
});

export const listPacks = defineContract({
  operationId: 'packs.list',
  method: 'get',
  path: '/packs',
  summary: "The first-party indicator packs (the paper's four areas) and whether the region chose each",
  description: 'Any signed-in principal.',
  access: { authenticated: 'any signed-in principal' },
  responses: { 200: { description: 'The packs', schema: PackList } },
});

export const adoptPack = defineContract({
  operationId: 'packs.adopt',
  method: 'put',
  path: '/packs/{packId}',
  summary: 'Choose (or drop) a first-party pack for the region',
  description:
    "Needs `quality-control.library.manage` in the request's region. Dropping a pack removes its indicators " +
    'from the library; the data recorded stays.',
  access: { permission: 'library.manage' },
  request: { params: PackParams, body: AdoptPackBody },
  responses: { 200: { description: 'The pack', schema: PackView } },
  errors: [PackNotFound],
});

import { defineContract } from '@lifelong/core/contract';
import { CompaniesOnly, NeedNotFound, NeedStatusConflict, OccupationNotFound } from '../errors.js';
import { Need, NeedBody, NeedListQuery, NeedPage, NeedParams, NeedVersion, NeedVersionParams } from './schemas.js';

const company = { authenticated: 'an accredited company of the region, through its API key' } as const;
const owner = { authenticated: 'the need’s company' } as const;
const notYours =
  'Anyone else gets 404 `INDUSTRY_SUPPORT_NEED_NOT_FOUND`, as for a need that does not exist (no existence oracle).';

export const createNeed = defineContract({
  operationId: 'needs.create',
  method: 'post',
  path: '/needs',
  summary: 'Write a need profile (a draft)',
  description:
    'For an accredited institution of kind `company` of the region, through its API key (403 ' +
    '`INDUSTRY_SUPPORT_COMPANIES_ONLY` otherwise). Every skill must be a skill of the region ' +
    '(400 `skillExists` at `/body/skills/<i>/skillId`), listed once (`uniqueSkill`).',
  access: company,
  request: { body: NeedBody },
  responses: { 201: { description: 'The need, in draft', schema: Need } },
  errors: [CompaniesOnly, OccupationNotFound],
});

export const listNeeds = defineContract({
  operationId: 'needs.list',
  method: 'get',
  path: '/needs',
  summary: 'Needs: a company’s own, or the region’s open ones',
  description:
    "A company's key lists its own needs (every status); holders of `industry-support.needs.read` every need of the " +
    'region; anyone else signed in the open needs of the region. Oldest first, a page at a time.',
  access: { authenticated: 'any signed-in principal' },
  request: { query: NeedListQuery },
  responses: { 200: { description: 'A page of needs', schema: NeedPage } },
});

export const getNeed = defineContract({
  operationId: 'needs.get',
  method: 'get',
  path: '/needs/{needId}',
  summary: 'One need',
  description: `Its company and the region's \`needs.read\` holders see it in any status, anyone signed in once it is open. ${notYours}`,
  access: { authenticated: 'its company; anyone signed in once it is open' },
  request: { params: NeedParams },
  responses: { 200: { description: 'The need', schema: Need } },
  errors: [NeedNotFound],
});

export const updateNeed = defineContract({
  operationId: 'needs.update',
  method: 'put',
  path: '/needs/{needId}',
  summary: 'Edit a need: a new version',
  description: `Draft or open needs only (409 \`INDUSTRY_SUPPORT_NEED_STATUS\` once closed); every earlier version stays readable. ${notYours}`,
  access: owner,
  request: { params: NeedParams, body: NeedBody },
  responses: { 200: { description: 'The need, its version one higher', schema: Need } },
  errors: [NeedNotFound, NeedStatusConflict, OccupationNotFound],
});

export const publishNeed = defineContract({
  operationId: 'needs.publish',
  method: 'post',
  path: '/needs/{needId}/publish',
  summary: 'Publish a draft need (draft → open)',
  description: `Emits \`industry-support.need.published\`. A need that is not a draft is 409. ${notYours}`,
  access: owner,
  request: { params: NeedParams },
  responses: { 200: { description: 'The open need', schema: Need } },
  errors: [NeedNotFound, NeedStatusConflict],
});

export const closeNeed = defineContract({
  operationId: 'needs.close',
  method: 'post',
  path: '/needs/{needId}/close',
  summary: 'Close an open need (open → closed)',
  description: `A need that is not open is 409. ${notYours}`,
  access: owner,
  request: { params: NeedParams },
  responses: { 200: { description: 'The closed need', schema: Need } },
  errors: [NeedNotFound, NeedStatusConflict],
});

export const getNeedVersion = defineContract({
  operationId: 'needs.versions.get',
  method: 'get',
  path: '/needs/{needId}/versions/{version}',
  summary: 'A need as it was at one version',
  description: `For its company and the region's \`needs.read\` holders. ${notYours}`,
  access: owner,
  request: { params: NeedVersionParams },
  responses: { 200: { description: 'The version', schema: NeedVersion } },
  errors: [NeedNotFound],
});

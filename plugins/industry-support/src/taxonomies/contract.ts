import { defineContract } from '@lifelong/core/contract';
import { PageQuery } from '@lifelong/core/schemas';
import {
  ImportExists,
  ImportFormatMismatch,
  ImportNotFound,
  OccupationNotFound,
  SkillNotFound,
  TaxonomyExists,
  TaxonomyNotFound,
} from '../errors.js';
import {
  CreateTaxonomyBody,
  Crosswalk,
  CrosswalkBody,
  Import,
  ImportIdParams,
  ImportParams,
  LocalOccupationBody,
  LocalSkillBody,
  Occupation,
  OccupationDetail,
  OccupationPage,
  OccupationParams,
  SearchQuery,
  Skill,
  SkillPage,
  Taxonomy,
  TaxonomyPage,
  TaxonomyParams,
} from './schemas.js';

const manage = { permission: 'taxonomies.manage' } as const;
const readers = { authenticated: 'any signed-in principal' } as const;

export const createTaxonomy = defineContract({
  operationId: 'taxonomies.create',
  method: 'post',
  path: '/taxonomies',
  summary: 'Add a taxonomy version to the region, with its provenance',
  description:
    'For holders of `industry-support.taxonomies.manage` in the region (its admins). `(code, version)` is unique ' +
    'in a region (409 `INDUSTRY_SUPPORT_TAXONOMY_EXISTS`); files are then imported into it.',
  access: manage,
  request: { body: CreateTaxonomyBody },
  responses: { 201: { description: 'The taxonomy version', schema: Taxonomy } },
  errors: [TaxonomyExists],
});

export const listTaxonomies = defineContract({
  operationId: 'taxonomies.list',
  method: 'get',
  path: '/taxonomies',
  summary: "The region's taxonomy versions, oldest first",
  description:
    'Each with its provenance (source, version, licence) and when its last import completed (`importedAt`); a page at a time.',
  access: readers,
  request: { query: PageQuery },
  responses: { 200: { description: 'A page of taxonomies', schema: TaxonomyPage } },
});

export const importFile = defineContract({
  operationId: 'taxonomies.imports.create',
  method: 'post',
  path: '/taxonomies/{taxonomyId}/imports/{file}',
  summary: 'Import one file of a taxonomy version (a background job)',
  description:
    'The body is the file, streamed to the file store; the `imports` job reads it a chunk per run (progress in ' +
    '`rowsDone`, resumed where it stopped). ESCO files are CSV in the tabiya/ESCO layout, O*NET files tab-separated ' +
    'as in the O*NET database, CASE a CFPackage JSON. The header is checked at once (400 naming the missing ' +
    'columns at `/body`). Idempotent per (taxonomy version, file): the same file again answers the existing ' +
    'import (200); a different one is 409 `INDUSTRY_SUPPORT_IMPORT_EXISTS`. A file kind of another format is 409 ' +
    '`INDUSTRY_SUPPORT_IMPORT_FORMAT_MISMATCH`.',
  access: manage,
  request: {
    params: ImportParams,
    upload: {
      contentTypes: ['text/csv', 'text/tab-separated-values', 'text/plain', 'application/json'],
      maxBytes: 500 * 1024 * 1024,
      stream: true,
    },
  },
  responses: {
    200: { description: 'The existing import of this file', schema: Import },
    202: { description: 'The import, queued', schema: Import },
  },
  errors: [TaxonomyNotFound, ImportExists, ImportFormatMismatch],
});

export const getImport = defineContract({
  operationId: 'taxonomies.imports.get',
  method: 'get',
  path: '/imports/{importId}',
  summary: 'An import and its progress',
  description:
    "`rowsDone` records read so far, `rowsFailed` and the first 20 refused records; for the region's admins. An import of another region is 404.",
  access: manage,
  request: { params: ImportIdParams },
  responses: { 200: { description: 'The import', schema: Import } },
  errors: [ImportNotFound],
});

export const listSkills = defineContract({
  operationId: 'taxonomies.skills.list',
  method: 'get',
  path: '/taxonomies/{taxonomyId}/skills',
  summary: "A taxonomy's skills (and skill groups), `q` searching labels",
  description:
    'For any signed-in principal; a taxonomy of another region is 404 `INDUSTRY_SUPPORT_TAXONOMY_NOT_FOUND`. Oldest first, a page at a time.',
  access: readers,
  request: { params: TaxonomyParams, query: SearchQuery },
  responses: { 200: { description: 'A page of skills', schema: SkillPage } },
  errors: [TaxonomyNotFound],
});

export const listOccupations = defineContract({
  operationId: 'taxonomies.occupations.list',
  method: 'get',
  path: '/taxonomies/{taxonomyId}/occupations',
  summary: "A taxonomy's occupations, `q` searching labels",
  description:
    'For any signed-in principal; a taxonomy of another region is 404 `INDUSTRY_SUPPORT_TAXONOMY_NOT_FOUND`. Oldest first, a page at a time.',
  access: readers,
  request: { params: TaxonomyParams, query: SearchQuery },
  responses: { 200: { description: 'A page of occupations', schema: OccupationPage } },
  errors: [TaxonomyNotFound],
});

export const getOccupation = defineContract({
  operationId: 'occupations.get',
  method: 'get',
  path: '/occupations/{occupationId}',
  summary: 'An occupation with its skills (essential/optional, or importance and level kept apart)',
  description:
    'ESCO relations as `essential`/`optional`; O*NET ratings as `rated` with importance (1–5) and level (0–7) in separate fields. Essential first.',
  access: readers,
  request: { params: OccupationParams },
  responses: { 200: { description: 'The occupation', schema: OccupationDetail } },
  errors: [OccupationNotFound],
});

export const addLocalSkill = defineContract({
  operationId: 'local.skills.create',
  method: 'post',
  path: '/local/skills',
  summary: "Add a skill of the region's own (its `local` taxonomy)",
  description: 'Local skills are first-class: needs, evidence rules and crosswalks use them like any other.',
  access: manage,
  request: { body: LocalSkillBody },
  responses: { 201: { description: 'The skill', schema: Skill } },
});

export const addLocalOccupation = defineContract({
  operationId: 'local.occupations.create',
  method: 'post',
  path: '/local/occupations',
  summary: "Add an occupation of the region's own (its `local` taxonomy)",
  description: "For the region's admins: occupations the imported taxonomies lack, usable in needs like any other.",
  access: manage,
  request: { body: LocalOccupationBody },
  responses: { 201: { description: 'The occupation', schema: Occupation } },
});

export const addCrosswalk = defineContract({
  operationId: 'crosswalks.create',
  method: 'post',
  path: '/crosswalks',
  summary: 'Relate two skills of the region (`exactMatch` or `closeMatch`)',
  description:
    "Evidence of one counts for the other in matches: fully for `exactMatch`, by the region's `closeMatchWeight` " +
    'for `closeMatch`. Writing a pair again replaces its kind. Both skills must be of the region (404).',
  access: manage,
  request: { body: CrosswalkBody },
  responses: { 201: { description: 'The crosswalk', schema: Crosswalk } },
  errors: [SkillNotFound],
});

import { defineContract } from '@lifelong/core/contract';
import { ScopeExists, ScopeNotFound } from '../errors.js';
import {
  CreateScopeBody,
  DataPointPage,
  PointsQuery,
  RecordPointsBody,
  RecordResult,
  Scope,
  ScopeList,
  ScopeParams,
} from './schemas.js';

const notYours = 'A scope the caller may not manage answers 404 `QUALITY_CONTROL_SCOPE_NOT_FOUND`, as an unknown one.';

export const createScope = defineContract({
  operationId: 'scopes.create',
  method: 'post',
  path: '/scopes',
  summary: 'Register a programme, course or teacher under an institution (or a programme, a course)',
  description:
    'Needs `quality-control.manage` for the parent (its institution or region). Data recorded for the scope ' +
    `rolls up to every scope above it. A teacher scope's id is the teacher's person id. ${notYours} ` +
    'A registered scope is 409 `QUALITY_CONTROL_SCOPE_EXISTS`.',
  access: { permission: 'manage' },
  request: { body: CreateScopeBody },
  responses: { 201: { description: 'The scope', schema: Scope } },
  errors: [ScopeNotFound, ScopeExists],
});

export const listChildren = defineContract({
  operationId: 'scopes.children',
  method: 'get',
  path: '/scopes/{scopeType}/{scopeId}/children',
  summary: 'The scopes directly below a scope, for drill-down (region → institution → programme → teacher)',
  description:
    "For readers of the scope (staff with `quality-control.read` there). A region's children are the " +
    'institutions that have a scope registered below them or data recorded; others: registered scopes.',
  access: { authenticated: 'readers of the scope' },
  request: { params: ScopeParams },
  responses: { 200: { description: 'The children', schema: ScopeList } },
  errors: [ScopeNotFound],
});

export const recordPoints = defineContract({
  operationId: 'scopes.dataPoints.create',
  method: 'post',
  path: '/scopes/{scopeType}/{scopeId}/data-points',
  summary: 'Enter values of data elements by hand (food safety inspections, employment outcomes, …)',
  description:
    `Needs \`quality-control.manage\` for the scope. ${notYours} Up to 1000 values; each is recorded with who ` +
    'entered it and when (the audit trail: `GET …/data-points`). A value with a `key` the scope already holds is ' +
    'a duplicate (counted, not added again).',
  access: { authenticated: 'managers of the scope' },
  request: { params: ScopeParams, body: RecordPointsBody },
  responses: { 201: { description: 'What was recorded', schema: RecordResult } },
  errors: [ScopeNotFound],
});

export const uploadPoints = defineContract({
  operationId: 'scopes.dataPoints.upload',
  method: 'post',
  path: '/scopes/{scopeType}/{scopeId}/data-points/csv',
  summary: 'Upload values of data elements as CSV (`element,date,value`, optional `key`): all rows or none',
  description:
    `Needs \`quality-control.manage\` for the scope. ${notYours} A header row names the columns. Every row is ` +
    'checked before anything is written: a 400 names each bad cell (`/rows/3/value`). Uploading the same file ' +
    "again records nothing new (rows are keyed by the file's hash and row, or by `key`). At most the region's " +
    '`maxUploadRows` rows.',
  access: { authenticated: 'managers of the scope' },
  request: {
    params: ScopeParams,
    upload: {
      contentTypes: ['text/csv'],
      maxBytes: 5_000_000,
      description: 'CSV with a header row: element,date,value[,key]',
    },
  },
  responses: { 201: { description: 'What was recorded', schema: RecordResult } },
  errors: [ScopeNotFound],
});

export const listPoints = defineContract({
  operationId: 'scopes.dataPoints.list',
  method: 'get',
  path: '/scopes/{scopeType}/{scopeId}/data-points',
  summary: 'The values recorded for the scope itself, with their source and who recorded them (audit)',
  description: `Needs \`quality-control.manage\` for the scope. ${notYours} Oldest first, a page at a time.`,
  access: { authenticated: 'managers of the scope' },
  request: { params: ScopeParams, query: PointsQuery },
  responses: { 200: { description: 'A page of values', schema: DataPointPage } },
  errors: [ScopeNotFound],
});

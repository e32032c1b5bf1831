import { defineContract } from '@lifelong/core/contract';
import { Type } from '@sinclair/typebox';
import {
  PeopleOnly,
  XapiBadRequest,
  XapiConflict,
  XapiForbidden,
  XapiNotFound,
  XapiUnauthorized,
  XapiUnsupportedMediaType,
} from '../errors.js';
import {
  GetStatementsQuery,
  MyStatementPage,
  MyStatementsQuery,
  PutStatementQuery,
  Statement,
  StatementIds,
  StatementOrResult,
} from './schemas.js';

const lrs = {
  credentials: 'HTTP Basic with an LRS credential (key:secret) holding the scope the resource needs',
} as const;
const wire =
  'xAPI wire rules apply: `X-Experience-API-Version` (1.0.x or 2.0.x) is required and echoed on every answer; ' +
  'statuses are the specification’s (errors carry a problem+json body).';
const body = {
  contentTypes: ['*/*'],
  maxBytes: 10_000_000,
  description: 'A statement, or an array of statements, as application/json',
} as const;
const writeErrors = [XapiBadRequest, XapiUnauthorized, XapiForbidden, XapiConflict, XapiUnsupportedMediaType];

export const putStatement = defineContract({
  operationId: 'xapi.statements.put',
  method: 'put',
  path: '/xapi/statements',
  summary: 'Store one statement under the given statementId',
  description: `204 when stored, or when the same statement was stored before; 409 when a different one was. ${wire}`,
  access: lrs,
  request: { query: PutStatementQuery, upload: body },
  responses: { 204: { description: 'Stored' } },
  errors: writeErrors,
});

export const postStatements = defineContract({
  operationId: 'xapi.statements.post',
  method: 'post',
  path: '/xapi/statements',
  summary: 'Store a statement or a batch of statements (all or none)',
  description: `Answers their ids in order. ${wire}`,
  access: lrs,
  request: { upload: body },
  responses: { 200: { description: 'The stored statements’ ids', schema: StatementIds } },
  errors: writeErrors,
});

export const getStatements = defineContract({
  operationId: 'xapi.statements.get',
  method: 'get',
  path: '/xapi/statements',
  summary: 'One statement by id, or the statements matching a query (newest stored first, with a more link)',
  description: `With \`X-Experience-API-Consistent-Through\`; a single statement also with \`Last-Modified\`. ${wire}`,
  access: lrs,
  request: { query: GetStatementsQuery },
  responses: { 200: { description: 'A statement, or a StatementResult', schema: StatementOrResult } },
  errors: [XapiBadRequest, XapiUnauthorized, XapiForbidden, XapiNotFound],
});

export const getActivity = defineContract({
  operationId: 'xapi.activities.get',
  method: 'get',
  path: '/xapi/activities',
  summary: 'An activity, with the definition of the newest statement that gave one',
  description: `\`activityId\` (an IRI) is required; an activity no statement mentions is answered with its id alone. ${wire}`,
  access: lrs,
  request: {
    query: Type.Object(
      { activityId: Type.Optional(Type.String({ maxLength: 4000, description: 'The activity IRI (required)' })) },
      { additionalProperties: true },
    ),
  },
  responses: { 200: { description: 'The Activity object', schema: Statement } },
  errors: [XapiBadRequest, XapiUnauthorized, XapiForbidden],
});

export const getAgent = defineContract({
  operationId: 'xapi.agents.get',
  method: 'get',
  path: '/xapi/agents',
  summary: 'The Person object of an agent',
  description: `\`agent\` (an Agent as JSON) is required; the Person lists its identifier and name. ${wire}`,
  access: lrs,
  request: {
    query: Type.Object(
      { agent: Type.Optional(Type.String({ maxLength: 4000, description: 'The Agent as JSON (required)' })) },
      { additionalProperties: true },
    ),
  },
  responses: { 200: { description: 'The Person object', schema: Statement } },
  errors: [XapiBadRequest, XapiUnauthorized, XapiForbidden],
});

export const listMyStatements = defineContract({
  operationId: 'me.statements.list',
  method: 'get',
  path: '/me/statements',
  summary: 'My learning activity: the xAPI statements linked to me, newest stored first',
  description:
    'For the signed-in person (a session; API keys get 403): the statements of every institution’s LRS whose actor ' +
    'is linked to them (a learner-number account on the region’s home page), newest `stored` first; voided ' +
    'statements and voiding statements are left out. Platform style (`{ items, nextCursor }`), outside the xAPI ' +
    'wire rules: the xAPI resources need an LRS credential, which a learner does not hold.',
  access: { authenticated: 'a signed-in person (their own statements only)' },
  request: { query: MyStatementsQuery },
  responses: { 200: { description: 'A page of my statements', schema: MyStatementPage } },
  errors: [PeopleOnly],
});

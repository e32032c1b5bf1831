import { defineContract } from '@lifelong/core/contract';
import { Type } from '@sinclair/typebox';
import {
  XapiBadRequest,
  XapiConflict,
  XapiForbidden,
  XapiNotFound,
  XapiPreconditionFailed,
  XapiUnauthorized,
} from '../errors.js';

const lrs = { credentials: 'HTTP Basic with an LRS credential holding the state or profile scope (or all)' } as const;
const wire =
  '`X-Experience-API-Version` is required and echoed; parameters are checked by the LRS (unknown ones are a 400). ' +
  'Writes honour `If-Match` / `If-None-Match` (412 when they fail); a PUT over an existing profile (and, in 2.0, state) without either is a 409.';
const text = (description: string) => Type.Optional(Type.String({ maxLength: 4000, description }));
const open = { additionalProperties: true } as const;

const StateQuery = Type.Object(
  {
    activityId: text('The activity IRI (required)'),
    agent: text('The Agent as JSON (required)'),
    registration: text('A registration UUID'),
    stateId: text('The document id; without it GET lists ids and DELETE removes them all'),
    since: text('GET without stateId: ids of documents updated since'),
  },
  open,
);
const ActivityProfileQuery = Type.Object(
  {
    activityId: text('The activity IRI (required)'),
    profileId: text('The document id; without it GET lists ids'),
    since: text('GET without profileId: ids of documents updated since'),
  },
  open,
);
const AgentProfileQuery = Type.Object(
  {
    agent: text('The Agent as JSON (required)'),
    profileId: text('The document id; without it GET lists ids'),
    since: text('GET without profileId: ids of documents updated since'),
  },
  open,
);
const body = {
  contentTypes: ['*/*'],
  maxBytes: 2_000_000,
  optional: true,
  description: 'The document, of any type',
} as const;
const Document = Type.Unknown({ description: 'The document as stored (its own Content-Type), or an array of ids' });
const readErrors = [XapiBadRequest, XapiUnauthorized, XapiForbidden, XapiNotFound];
const writeErrors = [XapiBadRequest, XapiUnauthorized, XapiForbidden, XapiConflict, XapiPreconditionFailed];

function resource<const Name extends string, Q extends typeof StateQuery>(
  name: Name,
  path: string,
  what: string,
  query: Q,
) {
  return {
    get: defineContract({
      operationId: `xapi.${name}.get` as `xapi.${Name}.get`,
      method: 'get',
      path,
      summary: `One ${what} document (with its ETag), or the ids of them all`,
      description: wire,
      access: lrs,
      request: { query },
      responses: { 200: { description: 'The document, or an array of ids', schema: Document } },
      errors: readErrors,
    }),
    put: defineContract({
      operationId: `xapi.${name}.put` as `xapi.${Name}.put`,
      method: 'put',
      path,
      summary: `Store a ${what} document, replacing any`,
      description: wire,
      access: lrs,
      request: { query, upload: body },
      responses: { 204: { description: 'Stored' } },
      errors: writeErrors,
    }),
    post: defineContract({
      operationId: `xapi.${name}.post` as `xapi.${Name}.post`,
      method: 'post',
      path,
      summary: `Store a ${what} document, merging JSON objects into a stored one`,
      description: wire,
      access: lrs,
      request: { query, upload: body },
      responses: { 204: { description: 'Stored' } },
      errors: writeErrors,
    }),
    delete: defineContract({
      operationId: `xapi.${name}.delete` as `xapi.${Name}.delete`,
      method: 'delete',
      path,
      summary: `Delete a ${what} document`,
      description: wire,
      access: lrs,
      request: { query },
      responses: { 204: { description: 'Deleted' } },
      errors: writeErrors,
    }),
  };
}

const state = resource('state', '/xapi/activities/state', 'state', StateQuery);
const activityProfiles = resource(
  'activityProfiles',
  '/xapi/activities/profile',
  'activity profile',
  ActivityProfileQuery as unknown as typeof StateQuery,
);
const agentProfiles = resource(
  'agentProfiles',
  '/xapi/agents/profile',
  'agent profile',
  AgentProfileQuery as unknown as typeof StateQuery,
);

export const getState = state.get;
export const putState = state.put;
export const postState = state.post;
export const deleteState = state.delete;
export const getActivityProfile = activityProfiles.get;
export const putActivityProfile = activityProfiles.put;
export const postActivityProfile = activityProfiles.post;
export const deleteActivityProfile = activityProfiles.delete;
export const getAgentProfile = agentProfiles.get;
export const putAgentProfile = agentProfiles.put;
export const postAgentProfile = agentProfiles.post;
export const deleteAgentProfile = agentProfiles.delete;

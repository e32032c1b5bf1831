import { Type } from '@sinclair/typebox';
import { Forbidden } from '../errors/core-errors.js';
import { defineContract } from '../http/contract.js';
import { Page, PageQuery } from '../http/page-schemas.js';
import { ConflictOfInterest } from '../identity/errors.js';
import { LearnerNumber, LearnerNumberParams } from '../identity/people-schemas.js';
import { ErasureAlreadyRequested, ErasureBlocked, ErasureDecided, ErasureRequestNotFound } from './errors.js';
import { ERASURE_STATUSES } from './statuses.js';

const Reason = Type.String({ minLength: 1, maxLength: 2000 });

const Section = Type.Object({
  version: Type.String({ description: "The plugin's version when the archive was made." }),
  data: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  note: Type.Optional(Type.String()),
});

export const PersonalDataArchive = Type.Object({
  format: Type.Literal('lifelong.personal-data', { description: 'What this document is.' }),
  formatVersion: Type.Literal(1),
  exportedAt: Type.String({ format: 'date-time' }),
  learnerNumber: LearnerNumber,
  core: Type.Record(Type.String(), Type.Unknown(), {
    description:
      'Person, contacts (masked), guardians, roles, sessions, groups, inbox, ledger, audit, erasure requests.',
  }),
  plugins: Type.Record(Type.String(), Section, { description: "Every installed plugin's section, by plugin id." }),
});

const Outcome = Type.Record(Type.String(), Type.Record(Type.String(), Type.Integer({ minimum: 0 })), {
  description: 'What each part erased, as counts of rows: `core` and each plugin by id.',
});

export const ErasureRequestView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  learnerNumber: LearnerNumber,
  regionId: Type.String(),
  status: Type.Union(ERASURE_STATUSES.map((s) => Type.Literal(s))),
  requestedBy: Type.Union([Type.Literal('self'), Type.Literal('guardian')]),
  reason: Type.Union([Type.String(), Type.Null()]),
  requestedAt: Type.String({ format: 'date-time' }),
  decidedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  decisionReason: Type.Union([Type.String(), Type.Null()]),
  outcome: Type.Union([Outcome, Type.Null()]),
});

const RequestParams = Type.Object({ learnerNumber: LearnerNumber, requestId: Type.String({ format: 'uuid' }) });

export const exportPersonalData = defineContract({
  operationId: 'people.personalData.export',
  method: 'get',
  path: '/v1/people/{learnerNumber}/personal-data',
  summary: 'Download everything the platform holds about a person (the person, or a minor’s guardian)',
  description:
    'A JSON archive (`Content-Disposition: attachment`) with the core’s data and one section per installed plugin, ' +
    'from one consistent moment. Secrets (password, token and code hashes, authenticator secrets) are not ' +
    'included; the national ID and contact values stay masked. Anyone else, and unknown numbers, get the same 403. ' +
    'Audited as `person.data.exported`.',
  access: { authenticated: 'the person, or the guardian of a minor' },
  errors: [Forbidden],
  request: { params: LearnerNumberParams },
  responses: { 200: { description: 'The archive', schema: PersonalDataArchive } },
});

export const requestErasure = defineContract({
  operationId: 'people.erasure.request',
  method: 'post',
  path: '/v1/people/{learnerNumber}/erasure-requests',
  summary: 'Ask for a person’s data to be erased (the person, or a minor’s guardian)',
  description:
    'Creates a pending request that an officer holding `people.erase` in the person’s region decides. The person ' +
    '(and a minor’s guardians) are told in their inbox, so a request nobody meant can be cancelled. One pending ' +
    'request at a time (409). A guardian of minors cannot be erased while they are (409 `PRIVACY_ERASURE_BLOCKED`, ' +
    '`reason: guardianOfMinors`). Audited.',
  access: { authenticated: 'the person, or the guardian of a minor' },
  errors: [Forbidden, ErasureAlreadyRequested, ErasureBlocked],
  request: {
    params: LearnerNumberParams,
    body: Type.Object({ reason: Type.Optional(Reason) }, { additionalProperties: false }),
  },
  responses: { 201: { description: 'The request, pending', schema: ErasureRequestView } },
});

export const listPersonErasureRequests = defineContract({
  operationId: 'people.erasure.list',
  method: 'get',
  path: '/v1/people/{learnerNumber}/erasure-requests',
  summary: 'A person’s erasure requests, newest first (the person, or a minor’s guardian)',
  description:
    'Every request with its status, who asked (the person or a guardian), the reasons and, once approved, what ' +
    'each part erased (counts). Anyone else, and unknown numbers, get the same 403.',
  access: { authenticated: 'the person, or the guardian of a minor' },
  errors: [Forbidden],
  request: { params: LearnerNumberParams },
  responses: { 200: { description: 'The requests', schema: Type.Object({ items: Type.Array(ErasureRequestView) }) } },
});

export const cancelErasure = defineContract({
  operationId: 'people.erasure.cancel',
  method: 'post',
  path: '/v1/people/{learnerNumber}/erasure-requests/{requestId}/cancellation',
  summary: 'Cancel a pending erasure request (the person, or a minor’s guardian)',
  description: 'Only while it is pending (409 `PRIVACY_ERASURE_DECIDED` after). Audited.',
  access: { authenticated: 'the person, or the guardian of a minor' },
  errors: [Forbidden, ErasureRequestNotFound, ErasureDecided],
  request: { params: RequestParams },
  responses: { 200: { description: 'Cancelled', schema: ErasureRequestView } },
});

export const listErasureQueue = defineContract({
  operationId: 'erasureRequests.list',
  method: 'get',
  path: '/v1/erasure-requests',
  summary: "The request's region's erasure requests in one status, oldest first (the officers' queue)",
  description: 'For holders of `people.erase` in the region; the caller’s own requests are left out.',
  access: { permission: 'people.erase' },
  request: {
    query: Type.Composite(
      [PageQuery, Type.Object({ status: Type.Optional(Type.Union(ERASURE_STATUSES.map((s) => Type.Literal(s)))) })],
      { additionalProperties: false },
    ),
  },
  responses: { 200: { description: 'A page of requests', schema: Page(ErasureRequestView) } },
});

export const decideErasure = defineContract({
  operationId: 'people.erasure.decide',
  method: 'post',
  path: '/v1/people/{learnerNumber}/erasure-requests/{requestId}/decision',
  summary: 'Approve (and carry out) or decline an erasure request',
  description:
    'Holders of `people.erase` in the person’s region, never for themself or a person linked to them by ' +
    'guardianship (403 `IDENTITY_CONFLICT_OF_INTEREST`). Approving erases in this request’s transaction: the core ' +
    '(names, date of birth, national ID, contacts, password, second factor, sessions, inbox, guardianships, ' +
    'memberships, roles) and every installed plugin through its personal-data hook; the ledger is kept, owned by ' +
    'an id that names nobody. A plugin may refuse with its own 409, and then nothing is erased. Declining needs a ' +
    'reason, which the person is told. Audited with the counts.',
  access: { permission: 'people.erase' },
  errors: [Forbidden, ConflictOfInterest, ErasureRequestNotFound, ErasureDecided, ErasureBlocked],
  request: {
    params: RequestParams,
    body: Type.Object(
      { decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]), reason: Reason },
      { additionalProperties: false },
    ),
  },
  responses: { 200: { description: 'Decided', schema: ErasureRequestView } },
});

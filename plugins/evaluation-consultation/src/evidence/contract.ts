import { defineContract } from '@lifelong/core/contract';
import {
  EngagementClosed,
  EngagementNotFound,
  EvidenceNotFound,
  FileMismatch,
  NotYourPart,
  PeopleOnly,
} from '../errors.js';
import { DOCUMENT_MAX_BYTES, DOCUMENT_TYPES } from './files.js';
import {
  CreateEvidenceBody,
  DocumentQuery,
  EngagementParams,
  Evidence,
  EvidenceFileParams,
  EvidenceListQuery,
  EvidencePage,
  EvidenceParams,
  EvidenceVersionBody,
} from './schemas.js';

const writers = { authenticated: 'the engagement’s team and assigned experts' } as const;
const notYours =
  'Callers with no part in the engagement get 404 `EVALUATION_CONSULTATION_ENGAGEMENT_NOT_FOUND`; its school ' +
  'contacts get 403 (the evidence file, interviews included, is the team’s).';
const codes = 'Indicator codes must be the template’s (400 naming the code, rule `indicatorOfTemplate`).';

export const createEvidence = defineContract({
  operationId: 'engagements.evidence.create',
  method: 'post',
  path: '/engagements/{engagementId}/evidence',
  summary: 'Add an observation note, interview record, survey data or a link to indicator data',
  description: `For the team and the experts. ${notYours} ${codes} Version 1 of the item.`,
  access: writers,
  request: { params: EngagementParams, body: CreateEvidenceBody },
  responses: { 201: { description: 'The evidence item', schema: Evidence } },
  errors: [EngagementNotFound, NotYourPart, PeopleOnly, EngagementClosed],
});

export const uploadDocument = defineContract({
  operationId: 'engagements.evidence.documents.upload',
  method: 'post',
  path: '/engagements/{engagementId}/evidence/documents',
  summary: 'Upload a document (PDF, PNG or JPEG) to the evidence file, or a new version of one',
  description:
    `For the team and the experts. ${notYours} The raw body, at most 20 MiB, streamed into the core file ` +
    'store; its bytes must be of the declared type (415 `EVALUATION_CONSULTATION_FILE_TYPE_MISMATCH`). ' +
    'With `?evidenceId=` a new version of that document (404 for another engagement’s).',
  access: writers,
  request: {
    params: EngagementParams,
    query: DocumentQuery,
    upload: { contentTypes: DOCUMENT_TYPES, maxBytes: DOCUMENT_MAX_BYTES, stream: true },
  },
  responses: { 201: { description: 'The document, with its versions', schema: Evidence } },
  errors: [EngagementNotFound, NotYourPart, PeopleOnly, FileMismatch, EvidenceNotFound, EngagementClosed],
});

export const addEvidenceVersion = defineContract({
  operationId: 'engagements.evidence.versions.create',
  method: 'post',
  path: '/engagements/{engagementId}/evidence/{evidenceId}/versions',
  summary: 'Write a new version of a note, record or link (earlier versions are kept)',
  description: `For the team and the experts. ${notYours} ${codes} A document’s new version is an upload.`,
  access: writers,
  request: { params: EvidenceParams, body: EvidenceVersionBody },
  responses: { 201: { description: 'The evidence item, with its versions', schema: Evidence } },
  errors: [EngagementNotFound, NotYourPart, PeopleOnly, EvidenceNotFound, EngagementClosed],
});

export const listEvidence = defineContract({
  operationId: 'engagements.evidence.list',
  method: 'get',
  path: '/engagements/{engagementId}/evidence',
  summary: 'The evidence file, oldest first, each item with its latest version',
  description: `For the team and the experts. ${notYours}`,
  access: writers,
  request: { params: EngagementParams, query: EvidenceListQuery },
  responses: { 200: { description: 'A page of evidence', schema: EvidencePage } },
  errors: [EngagementNotFound, NotYourPart],
});

export const getEvidence = defineContract({
  operationId: 'engagements.evidence.get',
  method: 'get',
  path: '/engagements/{engagementId}/evidence/{evidenceId}',
  summary: 'One evidence item with every version: who wrote what, when',
  description: `For the team and the experts. ${notYours}`,
  access: writers,
  request: { params: EvidenceParams },
  responses: { 200: { description: 'The evidence item', schema: Evidence } },
  errors: [EngagementNotFound, NotYourPart, EvidenceNotFound],
});

export const getEvidenceFile = defineContract({
  operationId: 'engagements.evidence.file',
  method: 'get',
  path: '/engagements/{engagementId}/evidence/{evidenceId}/versions/{version}/file',
  summary: 'Download one version of a document',
  description: `For the team and the experts. ${notYours} A version without a file is 404.`,
  access: writers,
  request: { params: EvidenceFileParams },
  responses: {
    200: { description: 'The file', file: { contentTypes: DOCUMENT_TYPES } },
    206: { description: 'A byte range of it', file: { contentTypes: DOCUMENT_TYPES } },
    304: { description: 'Not modified' },
  },
  errors: [EngagementNotFound, NotYourPart, EvidenceNotFound],
});

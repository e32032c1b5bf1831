import { defineContract } from '@lifelong/core/contract';
import { NoActiveRecords, RecordWithdrawnError } from '../errors.js';
import {
  CredentialParams,
  DownloadQuery,
  FormatQuery,
  IssuedCredential,
  PersonParams,
  RecordCredentialParams,
} from './schemas.js';

const notYours = 'Anyone else gets 404, as for an unknown id (no existence oracle).';

export const issueRecordCredential = defineContract({
  operationId: 'records.credential.issue',
  method: 'post',
  path: '/records/{recordId}/credential',
  summary: 'An Open Badges 3.0 credential for a credit-bank record',
  description:
    'For the record’s owner, its providing institution (an API key of that institution) or `credentials.issue` in the ' +
    `record’s region. The record’s live credential is returned if it has one. ${notYours} A withdrawn record is a 409.`,
  access: { authenticated: 'the record’s owner, its institution, or credentials.issue in its region' },
  request: { params: RecordCredentialParams, query: FormatQuery },
  responses: { 201: { description: 'The signed credential', schema: IssuedCredential } },
  errors: [RecordWithdrawnError],
});

export const getClr = defineContract({
  operationId: 'people.clr.get',
  method: 'get',
  path: '/people/{learnerNumber}/clr',
  summary: 'A CLR 2.0 transcript credential of every active record',
  description:
    'For the person, their guardian while a minor, or `credentials.issue` in their region. The records’ Open Badges ' +
    `credentials are embedded, each with its own proof. ${notYours} No active record is a 409.`,
  access: { authenticated: 'the person, their guardian, or credentials.issue in their region' },
  request: { params: PersonParams, query: FormatQuery },
  responses: { 200: { description: 'The signed CLR credential', schema: IssuedCredential } },
  errors: [NoActiveRecords],
});

export const downloadCredential = defineContract({
  operationId: 'credentials.download',
  method: 'get',
  path: '/credentials/{credentialId}/download',
  summary: 'Download an issued credential as a file (.json, .jsonld or .jwt)',
  description: `For its holder (or their guardian while a minor) and \`credentials.issue\` in its region. ${notYours}`,
  access: { authenticated: 'the holder, or credentials.issue in its region' },
  request: { params: CredentialParams, query: DownloadQuery },
  responses: {
    200: {
      description: 'The credential file',
      file: { contentTypes: ['application/json', 'application/ld+json', 'application/jwt'] },
    },
  },
});

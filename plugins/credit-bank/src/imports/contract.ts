import { defineContract } from '@lifelong/core/contract';
import { LedgerRefused } from '../shared/errors.js';
import {
  ImportCsv,
  ImportDocument,
  ImportJob,
  ImportParams,
  ImportQuery,
  ImportRowPage,
  ImportRowsQuery,
} from './schemas.js';

export const createImport = defineContract({
  operationId: 'imports.create',
  method: 'post',
  path: '/imports',
  // A small import is processed in the request: awarding its rows' credits may be refused.
  errors: [LedgerRefused],
  summary: 'Import up to 10,000 learning records for an institution (JSON `{ rows: [...] }` or CSV)',
  description:
    'The body is `application/json` ({ rows: ImportRow[] }) or `text/csv` (a header row with ImportRow field names; ' +
    '`assessmentType`, `assessmentScore`, and `learningOutcomes` separated by `|`), up to 20 MB. Rows are keyed by ' +
    'institution + externalId: re-running an import yields duplicates, never second records. Small imports are ' +
    'processed at once (201); larger ones by the imports job (202): follow `GET /imports/{id}`.',
  access: { permission: 'records.import' },
  request: {
    query: ImportQuery,
    upload: {
      contentTypes: ['application/json', 'text/csv'],
      maxBytes: 20_000_000,
      description: 'Up to 10,000 learning records: `{ rows: ImportRow[] }` as JSON, or CSV with ImportRow columns.',
      schemas: { 'application/json': ImportDocument, 'text/csv': ImportCsv },
    },
  },
  responses: {
    201: { description: 'Processed', schema: ImportJob },
    202: { description: 'Accepted; the imports job processes it', schema: ImportJob },
  },
});

export const getImport = defineContract({
  operationId: 'imports.get',
  method: 'get',
  path: '/imports/{importId}',
  summary: 'An import: its progress (processed of total) and counts',
  description:
    "Holders of `records.import` for the import's institution or its region; others get 403. `status` stays " +
    '`processing` until the imports job has taken every row (`processed` of `total`), with counts of `created`, ' +
    '`duplicates` and `failed` rows.',
  access: { permission: 'records.import' },
  request: { params: ImportParams },
  responses: { 200: { description: 'The import', schema: ImportJob } },
});

export const listImportRows = defineContract({
  operationId: 'imports.rows.list',
  method: 'get',
  path: '/imports/{importId}/rows',
  summary: "An import's per-row results (created, duplicate, or error with field and rule)",
  description:
    "Holders of `records.import` for the import's institution or its region; others get 403. Each row's outcome " +
    '(`pending` until processed; an `error` names the field and the rule), optionally of one `?status=`, a page at ' +
    'a time (`?limit=&cursor=`, up to 1,000 rows, 100 by default).',
  access: { permission: 'records.import' },
  request: { params: ImportParams, query: ImportRowsQuery },
  responses: { 200: { description: 'A page of row results, in submission order', schema: ImportRowPage } },
});

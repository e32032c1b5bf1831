import { defineContract } from '@lifelong/core/contract';
import { LedgerRefused, PersonNotVerified, RecordAlreadyWithdrawn } from '../shared/errors.js';
import { LearnerParams } from '../shared/records/schemas.js';
import {
  EnterRecordBody,
  LearningRecord,
  LearningRecordPage,
  RecordListQuery,
  RecordParams,
  WithdrawRecordBody,
} from './schemas.js';

const readers = {
  authenticated: "the person, their guardian while they are a minor, or records.read in the person's region",
} as const;

export const listRecords = defineContract({
  operationId: 'records.list',
  method: 'get',
  path: '/records',
  summary: 'My learning records, oldest first',
  description:
    "The signed-in person's own learning records, withdrawn ones included (see `status`), a page at a time " +
    '(`?limit=&cursor=`). API keys get 403 `CREDIT_BANK_PEOPLE_ONLY`.',
  access: { authenticated: 'the signed-in person' },
  request: { query: RecordListQuery },
  responses: { 200: { description: 'A page of records', schema: LearningRecordPage } },
});

export const listPersonRecords = defineContract({
  operationId: 'people.records.list',
  method: 'get',
  path: '/people/{learnerNumber}/records',
  summary: "A person's learning records, oldest first",
  description:
    "For the person, their guardian while they are a minor, and holders of `records.read` in the person's region; " +
    'others, and every caller for an unknown learner number, get the same 403. Withdrawn records are included, a page at a time ' +
    '(`?limit=&cursor=`).',
  access: readers,
  request: { params: LearnerParams, query: RecordListQuery },
  responses: { 200: { description: 'A page of records', schema: LearningRecordPage } },
});

export const getRecord = defineContract({
  operationId: 'records.get',
  method: 'get',
  path: '/records/{recordId}',
  summary: 'One learning record',
  description:
    "For the person, their guardian while they are a minor, and holders of `records.read` in the person's region; " +
    'others get 403 and an unknown record is a 404. A withdrawn record shows its reason, who and when.',
  access: readers,
  request: { params: RecordParams },
  responses: { 200: { description: 'The record', schema: LearningRecord } },
});

export const withdrawRecord = defineContract({
  operationId: 'records.withdraw',
  method: 'post',
  path: '/records/{recordId}/withdrawal',
  errors: [RecordAlreadyWithdrawn, LedgerRefused],
  summary: 'Withdraw a learning record (kept, with the reason; its credits are reversed)',
  description:
    "Holders of `records.withdraw` in the record's region withdraw it with a `reason`: the record stays, marked " +
    'withdrawn, its CREDITs go back by a correcting transfer and no longer count towards caps or the transcript. ' +
    'Points already minted stay in the wallet; withdrawing twice is a 409 `CREDIT_BANK_RECORD_WITHDRAWN`.',
  access: { permission: 'records.withdraw' },
  request: { params: RecordParams, body: WithdrawRecordBody },
  responses: { 200: { description: 'The withdrawn record', schema: LearningRecord } },
});

export const enterRecord = defineContract({
  operationId: 'people.records.enter',
  method: 'post',
  path: '/people/{learnerNumber}/records',
  errors: [PersonNotVerified, LedgerRefused],
  summary: 'Enter one learning record by hand (a registrar or an accredited provider)',
  description:
    'Holders of `records.import` for the providing institution (its staff or key) or its region (a registrar) enter ' +
    'one record for a verified person, with `origin: "manual"`; the same rules as an import row apply: an ' +
    'institution accredited to award this stage and level on `completedAt` (else 400 `accreditedProvider`), no ' +
    "date in the future, no credits for the institution's own staff or for the caller themself, their ward or " +
    'their guardian (403 `CONFLICT_OF_INTEREST`). Keyed by institution + `externalId`: entering it again answers ' +
    "200 with the record already made. Credits and points follow the region's rules, caps and equivalence.",
  access: { permission: 'records.import' },
  request: { params: LearnerParams, body: EnterRecordBody },
  responses: {
    201: { description: 'The record, made now', schema: LearningRecord },
    200: { description: 'The record already made for this institution and externalId', schema: LearningRecord },
  },
});

import { defineContract } from '@lifelong/core/contract';
import { LedgerRefused, RecordAlreadyWithdrawn } from '../shared/errors.js';
import { LearnerParams } from '../shared/records/schemas.js';
import { LearningRecord, LearningRecordPage, RecordListQuery, RecordParams, WithdrawRecordBody } from './schemas.js';

const readers = {
  authenticated: "the person, their guardian while they are a minor, or records.read in the person's region",
} as const;

export const listRecords = defineContract({
  operationId: 'records.list',
  method: 'get',
  path: '/records',
  summary: 'My learning records, oldest first',
  access: { authenticated: 'the signed-in person' },
  request: { query: RecordListQuery },
  responses: { 200: { description: 'A page of records', schema: LearningRecordPage } },
});

export const listPersonRecords = defineContract({
  operationId: 'people.records.list',
  method: 'get',
  path: '/people/{learnerNumber}/records',
  summary: "A person's learning records, oldest first",
  access: readers,
  request: { params: LearnerParams, query: RecordListQuery },
  responses: { 200: { description: 'A page of records', schema: LearningRecordPage } },
});

export const getRecord = defineContract({
  operationId: 'records.get',
  method: 'get',
  path: '/records/{recordId}',
  summary: 'One learning record',
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
  access: { permission: 'records.withdraw' },
  request: { params: RecordParams, body: WithdrawRecordBody },
  responses: { 200: { description: 'The withdrawn record', schema: LearningRecord } },
});

import { NotFound } from '@lifelong/core';
import { personOf, requireReadPerson } from '../access.js';
import type { CreditBankRegistrar } from '../config.js';
import { LedgerRefused, RecordAlreadyWithdrawn } from '../errors.js';
import {
  LearnerParams,
  LearningRecord,
  LearningRecordPage,
  RecordListQuery,
  RecordParams,
  WithdrawRecordBody,
} from './schemas.js';
import { findRecord, listRecords, recordView } from './store.js';
import { withdrawRecord } from './withdraw.js';

const readers = {
  authenticated: "the person, their guardian while they are a minor, or records.read in the person's region",
} as const;

/** Declares the records feature's routes: reading records and withdrawing them. */
export function registerRecords(p: CreditBankRegistrar): void {
  p.route({
    method: 'get',
    path: '/records',
    summary: 'My learning records, oldest first',
    access: { authenticated: 'the signed-in person' },
    request: { query: RecordListQuery },
    responses: { 200: { description: 'A page of records', schema: LearningRecordPage } },
    handler: async ({ query }, ctx) => ({
      status: 200,
      body: await listRecords(ctx.db, personOf(ctx), query.limit ?? 50, query.cursor),
    }),
  });

  p.route({
    method: 'get',
    path: '/people/{learnerNumber}/records',
    summary: "A person's learning records, oldest first",
    access: readers,
    request: { params: LearnerParams, query: RecordListQuery },
    responses: { 200: { description: 'A page of records', schema: LearningRecordPage } },
    handler: async ({ params, query }, ctx) => {
      const person = await ctx.identity.person(params.learnerNumber);
      if (!person) throw NotFound({ detail: `No person with learner number ${params.learnerNumber}.` });
      await requireReadPerson(ctx, person);
      return { status: 200, body: await listRecords(ctx.db, person.id, query.limit ?? 50, query.cursor) };
    },
  });

  p.route({
    method: 'get',
    path: '/records/{recordId}',
    summary: 'One learning record',
    access: readers,
    request: { params: RecordParams },
    responses: { 200: { description: 'The record', schema: LearningRecord } },
    handler: async ({ params }, ctx) => {
      const record = await findRecord(ctx.db, params.recordId);
      const person = await ctx.identity.personById(record.personId);
      if (!person) throw NotFound({ detail: `Record ${record.id} belongs to a person who no longer exists.` });
      await requireReadPerson(ctx, person);
      return { status: 200, body: recordView(record) };
    },
  });

  p.route({
    method: 'post',
    path: '/records/{recordId}/withdrawal',
    errors: [RecordAlreadyWithdrawn, LedgerRefused],
    summary: 'Withdraw a learning record (kept, with the reason; its credits are reversed)',
    access: { permission: 'records.withdraw' },
    request: { params: RecordParams, body: WithdrawRecordBody },
    responses: { 200: { description: 'The withdrawn record', schema: LearningRecord } },
    handler: async ({ params, body }, ctx) => {
      const record = await findRecord(ctx.db, params.recordId);
      ctx.require('records.withdraw', { regionId: record.regionId });
      const withdrawn = await withdrawRecord(ctx, record, body.reason);
      ctx.logger.info({ recordId: record.id, regionId: record.regionId }, 'learning record withdrawn');
      return { status: 200, body: recordView(withdrawn) };
    },
  });
}

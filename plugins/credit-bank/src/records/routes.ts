import { NotFound } from '@lifelong/core';
import { personOf, requireReadPerson } from '../access.js';
import type { CreditBankRegistrar } from '../config.js';
import * as contract from './contract.js';
import { withdrawRecord } from './service.js';
import { findRecord, listRecords, recordView } from './store.js';

/** Declares the records feature's routes: reading records and withdrawing them. */
export function registerRecords(p: CreditBankRegistrar): void {
  p.route(contract.listRecords, async ({ query }, ctx) => ({
    status: 200,
    body: await listRecords(ctx.db, personOf(ctx), query.limit ?? 50, query.cursor),
  }));

  p.route(contract.listPersonRecords, async ({ params, query }, ctx) => {
    const person = await ctx.identity.person(params.learnerNumber);
    if (!person) throw NotFound({ detail: `No person with learner number ${params.learnerNumber}.` });
    await requireReadPerson(ctx, person);
    return { status: 200, body: await listRecords(ctx.db, person.id, query.limit ?? 50, query.cursor) };
  });

  p.route(contract.getRecord, async ({ params }, ctx) => {
    const record = await findRecord(ctx.db, params.recordId);
    const person = await ctx.identity.personById(record.personId);
    if (!person) throw NotFound({ detail: `Record ${record.id} belongs to a person who no longer exists.` });
    await requireReadPerson(ctx, person);
    return { status: 200, body: recordView(record) };
  });

  p.route(contract.withdrawRecord, async ({ params, body }, ctx) => {
    const record = await findRecord(ctx.db, params.recordId);
    ctx.require('records.withdraw', { regionId: record.regionId });
    const withdrawn = await withdrawRecord(ctx, record, body.reason);
    ctx.logger.info({ recordId: record.id, regionId: record.regionId }, 'learning record withdrawn');
    return { status: 200, body: recordView(withdrawn) };
  });
}
